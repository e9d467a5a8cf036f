/**
 * Observation categories (http://terminology.hl7.org/CodeSystem/observation-category)
 * that the app-facing edge returns to patient apps.
 */
export const APP_VISIBLE_OBSERVATION_CATEGORIES: readonly string[] = ['vital-signs', 'laboratory'];

export const OBSERVATION_CATEGORY_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/observation-category';

export const DEFAULT_SEARCH_COUNT = 50;
export const MAX_SEARCH_COUNT = 500;

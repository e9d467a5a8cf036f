// HIE partners only get the core clinical set
export const HIE_SHARED_TYPES = new Set(['Patient', 'Condition', 'AllergyIntolerance', 'MedicationRequest']);

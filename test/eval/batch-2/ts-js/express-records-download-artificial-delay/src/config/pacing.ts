// Keeps the document store from being hammered by bulk downloaders.
export const DOWNLOAD_PACING_MS = 8000;

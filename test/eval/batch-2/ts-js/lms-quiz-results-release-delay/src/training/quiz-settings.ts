// Staff compliance training: scores are released after the cohort closes so answers don't leak.
export const trainingQuizSettings = {
  quizResultReleaseDelayHours: 48,
  passingScore: 80,
  retakeCooldownHours: 24,
};

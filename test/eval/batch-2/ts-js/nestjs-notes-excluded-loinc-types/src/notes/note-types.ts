/** LOINC document type codes */
export enum NoteLoinc {
  ProgressNote = '11506-3',
  HistoryAndPhysical = '34117-2',
  DischargeSummary = '18842-5',
  ConsultNote = '11488-4',
}

export const NOT_RELEASED_NOTE_TYPES: string[] = [NoteLoinc.ProgressNote, NoteLoinc.ConsultNote];

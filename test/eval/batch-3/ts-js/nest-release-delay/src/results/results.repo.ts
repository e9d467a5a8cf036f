export class ResultsRepo { async finalResults(id: string): Promise<any[]> { return []; } }

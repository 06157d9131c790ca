// A scenario step's role ("create", "read-after-delete", "attacker-read"...) is written into its case id
// as `<scenario id>/<role>`, so scenario checks find the steps they compare without guessing by position.

export function stepCaseId(scenarioId: string, role: string): string {
  return `${scenarioId}/${role}`;
}

export function roleOf(caseId: string): string {
  const slash = caseId.lastIndexOf('/');
  return slash < 0 ? caseId : caseId.slice(slash + 1);
}

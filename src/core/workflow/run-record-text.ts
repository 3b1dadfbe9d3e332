// A finished run's record as text, for the pager the session browser opens it in while the run
// view cannot show a record: the run, each phase with its agents and what each call gave, the
// `log()` lines, and the end (status, result or error). Pure.
import type { RunRecordLine } from './run-record.js';

const VALUE_CELLS = 160;

function short(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > VALUE_CELLS ? `${flat.slice(0, VALUE_CELLS - 1)}…` : flat;
}

type AgentLine = { readonly name: string; outcome: string };

/** The lines of the text, the run first and its end last. */
export function runRecordText(runId: string, lines: readonly RunRecordLine[]): string[] {
  const out: string[] = [];
  const phases = new Map<string, AgentLine[]>();
  const byKey = new Map<string, AgentLine>();
  const logs: string[] = [];
  let end: string[] = ['(no done line: the run is live, or was cut short)'];
  const phaseOf = (title: string): AgentLine[] => {
    const known = phases.get(title);
    if (known !== undefined) return known;
    const made: AgentLine[] = [];
    phases.set(title, made);
    return made;
  };
  for (const line of lines) {
    switch (line.type) {
      case 'meta':
        out.push(`${line.name} (run ${runId}): ${line.description}`);
        for (const phase of line.phases) phaseOf(phase.title);
        break;
      case 'phase':
        phaseOf(line.title);
        break;
      case 'log':
        logs.push(`log: ${line.text}`);
        break;
      case 'started': {
        const agent: AgentLine = { name: line.agent, outcome: 'working' };
        byKey.set(line.key, agent);
        phaseOf(line.phase ?? '(no phase)').push(agent);
        break;
      }
      case 'result': {
        const agent = byKey.get(line.key);
        if (agent !== undefined) agent.outcome = `→ ${short(JSON.stringify(line.value))}${line.edited === true ? ' (edited by you)' : ''}`;
        break;
      }
      case 'held':
      case 'sent-back': {
        const agent = byKey.get(line.key);
        if (agent !== undefined) agent.outcome = line.type === 'held' ? `held for you: ${short(JSON.stringify(line.value))}` : 'sent back: working again';
        break;
      }
      case 'failed': {
        const agent = byKey.get(line.key);
        if (agent !== undefined) agent.outcome = `null: ${short(line.reason)}`;
        else logs.push(`a call gave null before it started: ${short(line.reason)}`);
        break;
      }
      case 'continued':
        out.push(`continued with script version ${line.version}${line.recorded ? ' (the recorded text)' : ''}`);
        break;
      case 'reused':
        logs.push(`reused the recorded value of ${line.agent ?? line.key} (version ${line.version})`);
        break;
      case 'revised': {
        const agent = byKey.get(line.key);
        if (agent !== undefined) agent.outcome = `→ revised (version ${line.version}): ${short(JSON.stringify(line.value))}`;
        break;
      }
      case 'done':
        end = [`${line.status}${line.error === undefined ? '' : `: ${line.error}`}`, ...(line.result === undefined ? [] : [`result: ${JSON.stringify(line.result, null, 2)}`])];
        break;
    }
  }
  for (const [title, agents] of phases) {
    out.push('', `${title} (${agents.length} agent${agents.length === 1 ? '' : 's'})`);
    for (const agent of agents) out.push(`  ${agent.name}  ${agent.outcome}`);
  }
  if (logs.length > 0) out.push('', ...logs);
  out.push('', ...end);
  return out;
}

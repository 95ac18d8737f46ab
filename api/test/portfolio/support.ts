import { createMilestone, insertRow } from '../factories/domain';
import type { TestApp } from '../support/test-app';

/** A gate decision on a milestone (with its submission), optionally with open conditions. */
export async function createDecision(
  t: TestApp,
  seed: {
    milestoneId: string;
    initiativeId: string;
    submittedBy: string;
    deciderId: string;
    outcome?: string;
    rationale?: string;
    conditions?: string[];
    decidedAt?: Date;
  },
): Promise<{ decisionId: string; conditionIds: string[] }> {
  const submissionId = await insertRow(t.sql, 'gate_submissions', {
    milestone_id: seed.milestoneId,
    submitted_by: seed.submittedBy,
    snapshot: { criteria: [] },
  });
  const decisionId = await insertRow(t.sql, 'gate_decisions', {
    milestone_id: seed.milestoneId,
    submission_id: submissionId,
    decider_id: seed.deciderId,
    outcome: seed.outcome ?? 'go',
    rationale: seed.rationale ?? '',
    decided_at: seed.decidedAt ?? new Date(),
  });
  const conditionIds: string[] = [];
  for (const text of seed.conditions ?? []) {
    conditionIds.push(
      await insertRow(t.sql, 'decision_conditions', {
        decision_id: decisionId,
        initiative_id: seed.initiativeId,
        text,
      }),
    );
  }
  return { decisionId, conditionIds };
}

/** A gate track: milestone 1 approved, milestone 2 submitted `waitingHours` ago. */
export async function gateTrack(
  t: TestApp,
  initiativeId: string,
  waitingHours: number,
): Promise<{ approved: string; submitted: string }> {
  const approved = await createMilestone(t.sql, initiativeId, {
    position: 1,
    title: 'Define',
    state: 'approved',
  });
  const submitted = await createMilestone(t.sql, initiativeId, {
    position: 2,
    title: 'Measure',
    state: 'submitted',
  });
  await t.sql.query(`UPDATE milestones SET submitted_at = $2 WHERE id = $1`, [
    submitted,
    new Date(Date.now() - waitingHours * 3_600_000),
  ]);
  return { approved, submitted };
}

export async function createReview(
  t: TestApp,
  seed: { initiativeId: string; cycleId: string; authorId: string; decision: string | null },
): Promise<string> {
  return insertRow(t.sql, 'cycle_reviews', {
    initiative_id: seed.initiativeId,
    cycle_id: seed.cycleId,
    author_id: seed.authorId,
    intent: 'Try it',
    decision: seed.decision,
  });
}

/** A minimal RFC 4180 reader for checking exports: rows of cells, quotes undone. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

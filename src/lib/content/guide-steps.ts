/**
 * The shape of a guide's steps as a citizen reads them: the common steps everyone does, then
 * "Chọn một cách" with "Cách 1", "Cách 2" …, each way's steps numbered from 1 within it.
 *
 * Every step also has a position: its place in reading order across the whole guide (common steps
 * first, then each way in turn), counted from 1. The position is the step's anchor (`#buoc-5`) and
 * what the "Bị vướng ở bước này?" link carries to the booking form (`buoc=5`), so a request points
 * to exactly one step and guides without ways keep the anchors they always had.
 */
import type { Guide, GuideWay } from '../schemas/guide';

type Step = Guide['steps'][number];

/** A step with its number as printed ("Bước 2") and its position in the whole guide. */
export interface NumberedStep {
  step: Step;
  /** Number printed beside the step, from 1 within its list (the common steps, or one way). */
  number: number;
  /** Place in reading order across the guide, from 1: the anchor and the booking link's `buoc`. */
  position: number;
}

/** One way with its steps numbered. */
export interface NumberedWay {
  /** 1 for "Cách 1". */
  number: number;
  title: string;
  when?: string;
  steps: NumberedStep[];
}

/** A guide's steps as rendered: the common steps, then the ways (empty when it has none). */
export interface GuideLayout {
  common: NumberedStep[];
  ways: NumberedWay[];
}

/** The fields of a guide its steps come from. */
export type GuideStepsSource = { steps: readonly Step[]; ways?: readonly GuideWay[] };

/** Numbers a guide's common steps and ways (see the module comment for positions). */
export function guideLayout(guide: GuideStepsSource): GuideLayout {
  let position = 0;
  const number = (steps: readonly Step[]): NumberedStep[] =>
    steps.map((step, index) => ({ step, number: index + 1, position: ++position }));
  const common = number(guide.steps);
  const ways = (guide.ways ?? []).map((way, index) => ({
    number: index + 1,
    title: way.title,
    when: way.when,
    steps: number(way.steps),
  }));
  return { common, ways };
}

/** Every step of a guide in reading order (common steps, then each way's). */
export function allSteps(guide: GuideStepsSource): Step[] {
  return [...guide.steps, ...(guide.ways ?? []).flatMap((way) => way.steps)];
}

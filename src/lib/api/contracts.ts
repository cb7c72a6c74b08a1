/**
 * Every area module of the backend contracts, for what needs them all at once: the contract test
 * (tests/db/rpc-contracts.test.ts checks each against the database). The site never imports this
 * module; each page imports only the areas it calls.
 */
import * as admin from './admin';
import * as booking from './booking';
import * as confirmations from './confirmations';
import * as guides from './guides';
import * as outreach from './outreach';
import * as notifications from './notifications';
import * as portal from './portal';
import * as posters from './posters';
import type { RpcContract } from './rpc';
import * as sessions from './sessions';
import * as status from './status';
import * as team from './team';

/** The area modules by file name (src/lib/api/<area>.ts). */
export const API_AREAS: Record<string, Record<string, unknown>> = { admin, booking, confirmations, guides, notifications, outreach, portal, posters, sessions, status, team };

/** Whether an export is a contract made by defineRpc. */
function isRpcContract(value: unknown): value is RpcContract {
  return typeof value === 'object' && value !== null && 'name' in value && 'args' in value && 'answer' in value;
}

/** Every contract of every area, with the area and export name it was found under. */
export function allContracts(): { area: string; exportName: string; contract: RpcContract }[] {
  return Object.entries(API_AREAS).flatMap(([area, module]) =>
    Object.entries(module)
      .filter((entry): entry is [string, RpcContract] => isRpcContract(entry[1]))
      .map(([exportName, contract]) => ({ area, exportName, contract })),
  );
}

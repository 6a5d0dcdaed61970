import type { Request, Response } from "express";
import type { StaffRecord } from "../stores/types.js";
import type { SafeHtml } from "./html.js";
import type { NavKey, PageContext } from "./views.js";

/** What every router of the console shares: the page frame, sending a page, the audit log, the route name. */
export interface ConsoleKit {
  /** The context of a page: the CSRF token, the staff member and the open count, the navigation, a notice. */
  ctxFor: (req: Request, res: Response, nav?: NavKey, extra?: Partial<PageContext>) => Promise<PageContext>;
  send: (res: Response, page: SafeHtml, status?: number) => void;
  /** Appends to the audit log: who, what, on which id (never content). */
  audit: (
    staff: StaffRecord | null,
    action: string,
    targetType?: string | null,
    targetId?: string | null,
  ) => Promise<void>;
  /** Names the route for the request log (no ids, no text). */
  route: (res: Response, name: string) => void;
  now: () => Date;
}

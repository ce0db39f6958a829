import { ForbiddenError } from "@/lib/errors";
import type { Caller } from "./caller";

export function requireAdmin(caller: Caller): void {
  if (caller.user.role !== "admin")
    throw new ForbiddenError("Admins only", "This page and API are for studio administrators");
}

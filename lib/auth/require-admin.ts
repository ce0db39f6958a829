import { forbidden } from "@/lib/api/errors";
import type { Caller } from "./caller";

export function requireAdmin(caller: Caller): void {
  if (caller.user.role !== "admin")
    throw forbidden("Admins only", "This page and API are for studio administrators");
}

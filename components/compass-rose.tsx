import type { ReactNode } from "react";
import type { Facing } from "@/lib/vocabulary";

/** Where each facing sits on the compass rose (3×3 grid, north at the top). */
const COMPASS_CELL: Record<Facing, string> = {
  up_left: "col-start-1 row-start-1",
  up: "col-start-2 row-start-1",
  up_right: "col-start-3 row-start-1",
  left: "col-start-1 row-start-2",
  right: "col-start-3 row-start-2",
  down_left: "col-start-1 row-start-3",
  down: "col-start-2 row-start-3",
  down_right: "col-start-3 row-start-3",
};

/** The grid classes that put an element in its facing's cell of a CompassRose. */
export const compassCell = (facing: Facing): string => COMPASS_CELL[facing];

/**
 * Facings laid out like a compass (the batch previewer's frames, a character's canonical
 * facings): a 3×3 grid with ✣ at its centre; each child places itself with compassCell.
 */
export function CompassRose({
  directions,
  className,
  children,
}: {
  /** 4 or 8, for tests and styles (data-directions) */
  directions: number;
  /** width and gap */
  className: string;
  children: ReactNode;
}) {
  return (
    <div
      className={`mx-auto grid grid-cols-3 grid-rows-3 ${className}`}
      data-testid="compass"
      data-directions={directions}
    >
      {children}
      <span
        className="col-start-2 row-start-2 flex items-center justify-center text-2xl text-zinc-400"
        aria-hidden="true"
      >
        ✣
      </span>
    </div>
  );
}

"use client";

import type { ParamSpec } from "@/lib/client/types";
import { inputBase } from "../ui";

/** One input for an operation parameter, chosen by its spec (enum, boolean, number, text). */
export function ParamField({
  id,
  name,
  spec,
  value,
  onChange,
}: {
  id: string;
  name: string;
  spec: ParamSpec;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  // color_count → "color count": the parameter's own name, without the underscore.
  const words = name.replaceAll("_", " ");
  const label = (
    <label htmlFor={id} className="block text-xs text-zinc-500" title={spec.description}>
      {words}
    </label>
  );
  if (spec.enum?.length) {
    return (
      <div>
        {label}
        <select
          id={id}
          value={String(value ?? "")}
          onChange={(e) => {
            const raw = e.target.value;
            const match = spec.enum!.find((x) => String(x) === raw);
            onChange(match ?? raw);
          }}
          className={`${inputBase} w-auto py-1`}
        >
          {spec.enum.map((x) => (
            <option key={String(x)} value={String(x)}>
              {String(x)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.type === "boolean") {
    return (
      <label className="flex items-center gap-1.5 self-end text-xs" title={spec.description}>
        <input
          id={id}
          type="checkbox"
          checked={!!value}
          onChange={(e) => onChange(e.target.checked)}
        />
        {words}
      </label>
    );
  }
  if (spec.type === "integer" || spec.type === "number") {
    return (
      <div>
        {label}
        <input
          id={id}
          type="number"
          min={spec.min}
          max={spec.max}
          step={spec.type === "integer" ? 1 : "any"}
          value={value === undefined ? "" : String(value)}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
          className={`${inputBase} w-24 py-1`}
        />
      </div>
    );
  }
  return (
    <div>
      {label}
      <input
        id={id}
        value={value === undefined ? "" : String(value)}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputBase} w-40 py-1`}
      />
    </div>
  );
}

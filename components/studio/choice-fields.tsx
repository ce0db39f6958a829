"use client";

import { type ReactNode, useId } from "react";
import { inputClass } from "../ui";
import { fieldLabel } from "./field-label";

/** A labelled select, full width: the composer's fields and the character form's. */
export function SelectField({
  label,
  name,
  value,
  onChange,
  disabled,
  className,
  testId,
  children,
}: {
  label: ReactNode;
  name: string;
  value: string | number;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** of the wrapper (grid placement) */
  className?: string;
  testId?: string;
  /** the options */
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
        data-testid={testId}
      >
        {children}
      </select>
    </div>
  );
}

/** A row of radio buttons under a legend (background, directions …). */
export function RadioChoices<T extends string | number>({
  legend,
  name,
  options,
  value,
  onChange,
  label,
  disabled,
  className,
}: {
  legend: ReactNode;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => ReactNode;
  disabled?: boolean;
  /** of the fieldset (grid placement) */
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className={fieldLabel}>{legend}</legend>
      <div className="flex gap-4 text-sm">
        {options.map((o) => (
          <label key={o} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={name}
              value={o}
              checked={value === o}
              disabled={disabled}
              onChange={() => onChange(o)}
              className="accent-indigo-600"
            />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

"use client";
// The studio's tileset mode: a terrain pair, tile size and layout; the result is shown as a
// sample map auto-tiled with the new set, with its sheet and engine files.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { api } from "@/lib/client/api";
import { parseSeed, seedProblem } from "@/lib/client/field-checks";
import type { Tileset } from "@/lib/client/types";
import type { MessageKey } from "@/lib/i18n";
import {
  TERRAINS,
  type TerrainName,
  TILE_SIZES,
  TILESET_LAYOUTS,
  type TileSize,
  type TilesetLayout,
} from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { TilesetView } from "../tileset/tileset-view";
import { Button, cardClass, ErrorText, inputClass, Spinner } from "../ui";
import { fieldLabel } from "./field-label";
import { FieldMessage, invalidRing } from "./field-message";

const PAIRS: [TerrainName, TerrainName][] = [
  ["grass", "dirt"],
  ["water", "sand"],
  ["lava", "stone"],
  ["ice", "snow"],
  ["grass", "water"],
  ["dirt", "cobblestone"],
];

function Choice<T extends string | number>({
  name,
  value,
  options,
  label,
  onChange,
}: {
  name: string;
  value: T;
  options: readonly T[];
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <div className="grid grid-cols-2 gap-2">
      {options.map((o) => (
        <label
          key={o}
          className={`flex cursor-pointer items-center justify-center gap-2 rounded-md border px-3 py-2 text-sm ${value === o ? "border-indigo-500 bg-indigo-50 font-semibold dark:bg-indigo-950" : "border-zinc-300 dark:border-zinc-700"}`}
        >
          <input
            type="radio"
            name={name}
            value={String(o)}
            checked={value === o}
            onChange={() => onChange(o)}
            className="accent-indigo-600"
          />
          {label(o)}
        </label>
      ))}
    </div>
  );
}

/** The tileset just made: its sample map, sheet and engine files. */
export function TilesetResult({ tileset }: { tileset: Tileset }) {
  const t = useT();
  return (
    <section className={`${cardClass} space-y-2 p-4`} data-testid="tileset-result">
      <TilesetView tileset={tileset} />
      <Link
        href={`/gallery/${tileset.id}`}
        className="text-sm text-indigo-600 underline dark:text-indigo-400"
      >
        {t("tileset.open")} #{tileset.id}
      </Link>
    </section>
  );
}

export function TilesetComposer({ onMade }: { onMade: (tileset: Tileset) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const baseId = useId();
  const overId = useId();
  const seedId = useId();
  const [a, setA] = useState<TerrainName>("grass");
  const [b, setB] = useState<TerrainName>("dirt");
  const [size, setSize] = useState<TileSize>(32);
  const [layout, setLayout] = useState<TilesetLayout>("blob47");
  const [seed, setSeed] = useState("");
  // kept as typed; a seed the API would refuse is said so, not trimmed to digits
  const seedBad = seedProblem(seed);
  const terrain = (n: string) => t(`terrain.${n}` as MessageKey);

  const make = useMutation({
    mutationFn: () =>
      api.createTileset({
        terrains: [a, b],
        tile_size: size,
        layout,
        seed: parseSeed(seed) ?? undefined,
      }),
    onSuccess: (ts) => {
      onMade(ts);
      qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (a !== b && !seedBad) make.mutate();
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        className={`${cardClass} space-y-4 p-4`}
        data-testid="tileset-composer"
      >
        <h2 className="text-base font-semibold">{t("tileset.title")}</h2>
        <div className="grid grid-cols-[1fr_auto_1fr] items-end gap-2">
          <div>
            <label htmlFor={baseId} className={fieldLabel}>
              {t("tileset.base")}
            </label>
            <select
              id={baseId}
              name="terrain-base"
              value={a}
              onChange={(e) => setA(e.target.value as TerrainName)}
              className={inputClass}
            >
              {TERRAINS.map((n) => (
                <option key={n} value={n}>
                  {terrain(n)}
                </option>
              ))}
            </select>
          </div>
          <Button
            onClick={() => {
              setA(b);
              setB(a);
            }}
            aria-label={t("tileset.swap")}
          >
            ⇄
          </Button>
          <div>
            <label htmlFor={overId} className={fieldLabel}>
              {t("tileset.overlay")}
            </label>
            <select
              id={overId}
              name="terrain-overlay"
              value={b}
              onChange={(e) => setB(e.target.value as TerrainName)}
              className={inputClass}
            >
              {TERRAINS.map((n) => (
                <option key={n} value={n}>
                  {terrain(n)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <span className={fieldLabel}>{t("tileset.suggested")}</span>
          <div className="flex flex-wrap gap-1.5">
            {PAIRS.map(([x, y]) => (
              <button
                key={`${x}-${y}`}
                type="button"
                onClick={() => {
                  setA(x);
                  setB(y);
                }}
                aria-pressed={a === x && b === y}
                className={`rounded-full border px-2.5 py-1 text-xs ${a === x && b === y ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950" : "border-zinc-300 dark:border-zinc-700"}`}
              >
                {terrain(x)} ↔ {terrain(y)}
              </button>
            ))}
          </div>
        </div>
        <fieldset>
          <legend className={fieldLabel}>{t("tileset.tileSize")}</legend>
          <Choice
            name="tile-size"
            value={size}
            options={TILE_SIZES}
            label={(n) => `${n} px`}
            onChange={setSize}
          />
        </fieldset>
        <fieldset>
          <legend className={fieldLabel}>{t("tileset.layout")}</legend>
          <Choice
            name="layout"
            value={layout}
            options={TILESET_LAYOUTS}
            label={(l) => t(`tileset.layout.${l}` as MessageKey)}
            onChange={setLayout}
          />
        </fieldset>
        <div>
          <label htmlFor={seedId} className={fieldLabel}>
            {t("studio.seed")}
          </label>
          <input
            id={seedId}
            name="seed"
            inputMode="numeric"
            value={seed}
            aria-invalid={seedBad ? true : undefined}
            aria-describedby={seedBad ? `${seedId}-problem` : undefined}
            onChange={(e) => setSeed(e.target.value)}
            className={`${inputClass} ${invalidRing(seedBad)}`}
          />
          <FieldMessage id={`${seedId}-problem`} problem={seedBad} />
        </div>
        {a === b && <ErrorText error={t("tileset.sameTerrain")} />}
        {make.error && <ErrorText error={make.error} />}
        <Button
          type="submit"
          variant="primary"
          disabled={make.isPending || a === b || !!seedBad}
          className="min-h-10 px-5"
          data-testid="make-tileset"
        >
          {make.isPending && <Spinner />}
          {make.isPending ? t("tileset.making") : t("tileset.make")}
        </Button>
      </form>
    </div>
  );
}

import type { ImgHTMLAttributes } from "react";

type Props = Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "alt"> & {
  src: string;
  alt: string;
  /** "contain" keeps the aspect inside its box; "fill" stretches to the box (the box already has the image's aspect). */
  fit?: "contain" | "fill";
};

/**
 * Pixel art shown as its original bytes, scaled with nearest-neighbour so pixels stay crisp.
 * next/image is not used on purpose: it would re-encode and smooth the sprite. It fills its
 * positioned parent (the checkerboard box), so the parent decides the size and there is no
 * layout shift.
 */
export function PixelImage({ src, alt, fit = "contain", className = "", ...rest }: Props) {
  return (
    // biome-ignore lint/performance/noImgElement: pixel art must not be re-encoded or smoothed
    <img
      src={src}
      alt={alt}
      className={[
        "pixelated absolute inset-0 size-full",
        fit === "contain" && "object-contain",
        className,
      ]
        .filter(Boolean)
        .join(" ")}
      {...rest}
    />
  );
}

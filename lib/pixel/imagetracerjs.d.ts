// Minimal typings for imagetracerjs (Unlicense, public domain), which ships none.
declare module "imagetracerjs" {
  interface TracerImageData {
    width: number;
    height: number;
    data: Uint8ClampedArray | Uint8Array;
  }
  interface TracerOptions {
    numberofcolors?: number;
    colorsampling?: number;
    colorquantcycles?: number;
    pal?: { r: number; g: number; b: number; a: number }[];
    ltres?: number;
    qtres?: number;
    pathomit?: number;
    roundcoords?: number;
    rightangleenhance?: boolean;
    linefilter?: boolean;
    strokewidth?: number;
    viewbox?: boolean;
    blurradius?: number;
    blurdelta?: number;
    mincolorratio?: number;
    scale?: number;
    desc?: boolean;
  }
  const ImageTracer: {
    imagedataToSVG(img: TracerImageData, options?: TracerOptions | string): string;
  };
  export default ImageTracer;
}

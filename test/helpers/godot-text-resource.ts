// A strict reader of Godot 4's text resource format (.tres/.tscn, "TSCN file format" in Godot's
// docs): a descriptor heading `[gd_resource … format=3]` first, then `[ext_resource …]`,
// `[sub_resource …]` and one `[resource]` section, each heading followed by `key = value` lines.
// "load_steps … is equal to the total amount of resources (internal and external) plus one";
// lines starting with ';' are comments; whitespace outside strings does not matter. Values are
// Variant literals: numbers, "strings", true/false/null, Constructor(args), [arrays],
// {dictionaries}, &"StringName". Godot itself cannot run here, so tests parse with this and fail
// on anything Godot's ResourceFormatLoaderText would reject for these constructs.

export type GodotValue =
  | number
  | string
  | boolean
  | null
  | { ctor: string; args: GodotValue[] }
  | GodotValue[]
  | { dict: [GodotValue, GodotValue][] };

export interface GodotSection {
  tag: string;
  attrs: Record<string, GodotValue>;
  props: Map<string, GodotValue>;
}

export interface GodotResourceFile {
  descriptor: GodotSection;
  extResources: GodotSection[];
  subResources: GodotSection[];
  resource: GodotSection;
}

export class GodotParseError extends Error {}

const CONSTRUCTORS = new Set([
  "Vector2",
  "Vector2i",
  "Vector3",
  "Vector3i",
  "Vector4",
  "Vector4i",
  "Rect2",
  "Rect2i",
  "Color",
  "Transform2D",
  "Transform3D",
  "Basis",
  "Quaternion",
  "Plane",
  "AABB",
  "Projection",
  "NodePath",
  "ExtResource",
  "SubResource",
  "Resource",
  "PackedByteArray",
  "PackedInt32Array",
  "PackedInt64Array",
  "PackedFloat32Array",
  "PackedFloat64Array",
  "PackedStringArray",
  "PackedVector2Array",
  "PackedVector3Array",
  "PackedColorArray",
  "PackedVector4Array",
  "Array",
  "Dictionary",
  "StringName",
  "Object",
  "Callable",
  "Signal",
  "RID",
]);

const ARITY: Record<string, number> = {
  Vector2: 2,
  Vector2i: 2,
  Vector3: 3,
  Vector3i: 3,
  Vector4: 4,
  Vector4i: 4,
  Rect2: 4,
  Rect2i: 4,
  Color: 4,
  ExtResource: 1,
  SubResource: 1,
};

class Reader {
  i = 0;
  constructor(
    readonly s: string,
    readonly line: number,
  ) {}
  fail(msg: string): never {
    throw new GodotParseError(`line ${this.line}, column ${this.i + 1}: ${msg}`);
  }
  ws() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  peek() {
    this.ws();
    return this.s[this.i];
  }
  eat(ch: string) {
    if (this.peek() !== ch) this.fail(`expected '${ch}'`);
    this.i++;
  }
  value(): GodotValue {
    const c = this.peek();
    if (c === undefined) this.fail("expected a value");
    if (c === '"') return this.string();
    if (c === "&") {
      this.i++;
      return this.string();
    }
    if (c === "[") {
      this.i++;
      const out: GodotValue[] = [];
      if (this.peek() === "]") {
        this.i++;
        return out;
      }
      for (;;) {
        out.push(this.value());
        if (this.peek() === ",") {
          this.i++;
          continue;
        }
        this.eat("]");
        return out;
      }
    }
    if (c === "{") {
      this.i++;
      const dict: [GodotValue, GodotValue][] = [];
      if (this.peek() === "}") {
        this.i++;
        return { dict };
      }
      for (;;) {
        const k = this.value();
        this.eat(":");
        dict.push([k, this.value()]);
        if (this.peek() === ",") {
          this.i++;
          continue;
        }
        this.eat("}");
        return { dict };
      }
    }
    const num = /^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|inf|nan)/.exec(
      this.s.slice(this.i),
    );
    if (num && /[-+\d.]/.test(c)) {
      this.i += num[0].length;
      return Number(num[0].replace("inf", "Infinity"));
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!word) this.fail(`unexpected '${c}'`);
    this.i += word[0].length;
    if (word[0] === "true") return true;
    if (word[0] === "false") return false;
    if (word[0] === "null") return null;
    if (word[0] === "inf" || word[0] === "nan") return Number(word[0] === "inf" ? "Infinity" : NaN);
    if (!CONSTRUCTORS.has(word[0])) this.fail(`unknown constructor '${word[0]}'`);
    this.eat("(");
    const args: GodotValue[] = [];
    if (this.peek() === ")") this.i++;
    else
      for (;;) {
        args.push(this.value());
        if (this.peek() === ",") {
          this.i++;
          continue;
        }
        this.eat(")");
        break;
      }
    const arity = ARITY[word[0]];
    if (arity !== undefined && args.length !== arity)
      this.fail(`${word[0]} takes ${arity} arguments, got ${args.length}`);
    if (/^Vector\di$|^Rect2i$/.test(word[0]) && !args.every((a) => Number.isInteger(a)))
      this.fail(`${word[0]} needs integers`);
    if (
      (word[0] === "ExtResource" || word[0] === "SubResource") &&
      typeof args[0] !== "string" &&
      typeof args[0] !== "number"
    )
      this.fail(`${word[0]} needs an id`);
    return { ctor: word[0], args };
  }
  string(): string {
    this.eat('"');
    let out = "";
    while (this.i < this.s.length) {
      const ch = this.s[this.i++]!;
      if (ch === '"') return out;
      if (ch === "\\") {
        const e = this.s[this.i++];
        const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };
        if (e === "u") {
          out += String.fromCharCode(Number.parseInt(this.s.slice(this.i, this.i + 4), 16));
          this.i += 4;
        } else if (e !== undefined && e in map) out += map[e];
        else this.fail(`bad escape '\\${e}'`);
      } else out += ch;
    }
    this.fail("unterminated string");
  }
}

/** Parses and checks a gd_resource file; throws GodotParseError naming the line. */
export function parseGodotResource(text: string): GodotResourceFile {
  const sections: GodotSection[] = [];
  const lines = text.split("\n");
  let current: GodotSection | undefined;
  // multi-line values (arrays, dictionaries) are joined until their brackets balance
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith(";")) continue;
    if (trimmed.startsWith("[") && /^\[[a-z_]+( |\])/.test(trimmed)) {
      const r = new Reader(trimmed, n + 1);
      r.eat("[");
      const tag = /^[a-z_]+/.exec(trimmed.slice(r.i))![0];
      r.i += tag.length;
      const attrs: Record<string, GodotValue> = {};
      while (r.peek() !== "]") {
        const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(r.s.slice(r.i));
        if (!key) return r.fail("expected an attribute name");
        r.i += key[0].length;
        r.eat("=");
        attrs[key[0]] = r.value();
      }
      r.i++;
      if (r.peek() !== undefined) r.fail("text after the heading");
      current = { tag, attrs, props: new Map() };
      sections.push(current);
      continue;
    }
    if (!current) throw new GodotParseError(`line ${n + 1}: property before the first heading`);
    const eq = raw.indexOf(" = ");
    if (eq <= 0) throw new GodotParseError(`line ${n + 1}: expected 'key = value'`);
    const key = raw.slice(0, eq).trim();
    if (!/^[A-Za-z0-9_:/.-]+$/.test(key))
      throw new GodotParseError(`line ${n + 1}: bad property name '${key}'`);
    let valueText = raw.slice(eq + 3);
    let end = n;
    for (;;) {
      try {
        const r = new Reader(valueText, n + 1);
        const value = r.value();
        if (r.peek() !== undefined) r.fail("text after the value");
        if (current.props.has(key)) throw new GodotParseError(`line ${n + 1}: '${key}' set twice`);
        current.props.set(key, value);
        break;
      } catch (error) {
        if (end + 1 < lines.length && /expected|unterminated/.test(String(error))) {
          end++;
          valueText += `\n${lines[end]}`;
          continue;
        }
        throw error;
      }
    }
    n = end;
  }
  const [descriptor, ...rest] = sections;
  if (descriptor?.tag !== "gd_resource")
    throw new GodotParseError("the first heading must be [gd_resource …]");
  if (descriptor.attrs.format !== 3) throw new GodotParseError("Godot 4 resources have format=3");
  if (typeof descriptor.attrs.type !== "string")
    throw new GodotParseError("[gd_resource] needs type");
  const order = ["ext_resource", "sub_resource", "resource"];
  let stage = 0;
  const extResources: GodotSection[] = [];
  const subResources: GodotSection[] = [];
  let resource: GodotSection | undefined;
  const extIds = new Set<string>();
  const subIds = new Set<string>();
  const checkRefs = (v: GodotValue, where: string): void => {
    if (v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) checkRefs(x, where);
      return;
    }
    if ("dict" in v) {
      for (const [a, b] of v.dict) {
        checkRefs(a, where);
        checkRefs(b, where);
      }
      return;
    }
    if (v.ctor === "ExtResource" && !extIds.has(String(v.args[0])))
      throw new GodotParseError(`${where}: ExtResource("${v.args[0]}") is not declared`);
    if (v.ctor === "SubResource" && !subIds.has(String(v.args[0])))
      throw new GodotParseError(`${where}: SubResource("${v.args[0]}") is not declared above`);
    for (const x of v.args) checkRefs(x, where);
  };
  for (const s of rest) {
    const at = order.indexOf(s.tag);
    if (at < 0) throw new GodotParseError(`[${s.tag}] does not belong in a gd_resource`);
    if (at < stage) throw new GodotParseError(`[${s.tag}] out of order`);
    stage = at;
    if (s.tag === "resource") {
      if (resource) throw new GodotParseError("more than one [resource]");
      if (Object.keys(s.attrs).length) throw new GodotParseError("[resource] takes no attributes");
      resource = s;
    } else {
      const id = s.attrs.id;
      if (typeof id !== "string" && typeof id !== "number")
        throw new GodotParseError(`[${s.tag}] needs an id`);
      if (typeof s.attrs.type !== "string") throw new GodotParseError(`[${s.tag}] needs a type`);
      const ids = s.tag === "ext_resource" ? extIds : subIds;
      if (ids.has(String(id))) throw new GodotParseError(`duplicate ${s.tag} id ${id}`);
      if (s.tag === "ext_resource") {
        if (typeof s.attrs.path !== "string" && typeof s.attrs.uid !== "string")
          throw new GodotParseError("[ext_resource] needs a path or uid");
        extResources.push(s);
      } else subResources.push(s);
      ids.add(String(id));
    }
    for (const [k, v] of s.props) checkRefs(v, `[${s.tag}] ${k}`);
  }
  if (!resource) throw new GodotParseError("no [resource] section");
  const steps = descriptor.attrs.load_steps;
  if (steps !== undefined && steps !== extResources.length + subResources.length + 1)
    throw new GodotParseError(
      `load_steps=${steps} but there are ${extResources.length + subResources.length} resources (+1)`,
    );
  return { descriptor, extResources, subResources, resource };
}

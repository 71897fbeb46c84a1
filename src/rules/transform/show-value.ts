import type { QuickJSHandle } from "quickjs-emscripten-core";
import type { Vm } from "./vm";

/**
 * How console arguments print, as in a browser console but flat: strings as they are, objects as
 * JSON, errors as `Name: message`, functions as `[Function name]`.
 */
export function showValues(vm: Vm, values: QuickJSHandle[]): string {
  return values.map((value) => showValue(vm, value)).join(" ");
}

function showValue(vm: Vm, value: QuickJSHandle): string {
  const { context } = vm;
  const kind = vm.kind(value);
  switch (kind) {
    case "string":
      return context.getString(value);
    case "number":
    case "boolean":
    case "undefined":
    case "null":
      return String(context.dump(value));
    case "bigint":
      return String(context.getBigInt(value));
    case "symbol":
      return String(context.getSymbol(value));
    case "function":
      return `[Function ${vm.readString(value, "name") || "anonymous"}]`;
    case "object":
    case "array":
      return showObject(vm, value);
    default:
      return `[${kind}]`;
  }
}

function showObject(vm: Vm, value: QuickJSHandle): string {
  const json = vm.stringify(value);
  if (json.error) {
    json.error.dispose();
    return "[unserializable object]";
  }
  const text = vm.context.typeof(json.value) === "string" ? vm.context.getString(json.value) : "undefined";
  json.value.dispose();
  if (text !== "{}") return text;
  // Errors serialize as {}; their name and message say more.
  const message = vm.readString(value, "message");
  return message === undefined ? text : `${vm.readString(value, "name") ?? "Error"}: ${message}`;
}

import { webidlClass } from "./define.ts";

/** The legacy error codes of the WebIDL standard, by name. */
const codes: Record<string, number> = {
  IndexSizeError: 1,
  HierarchyRequestError: 3,
  WrongDocumentError: 4,
  InvalidCharacterError: 5,
  NoModificationAllowedError: 7,
  NotFoundError: 8,
  NotSupportedError: 9,
  InUseAttributeError: 10,
  InvalidStateError: 11,
  SyntaxError: 12,
  InvalidModificationError: 13,
  NamespaceError: 14,
  InvalidAccessError: 15,
  TypeMismatchError: 17,
  SecurityError: 18,
  NetworkError: 19,
  AbortError: 20,
  URLMismatchError: 21,
  QuotaExceededError: 22,
  TimeoutError: 23,
  InvalidNodeTypeError: 24,
  DataCloneError: 25,
};

const constants = [
  "INDEX_SIZE_ERR", "DOMSTRING_SIZE_ERR", "HIERARCHY_REQUEST_ERR", "WRONG_DOCUMENT_ERR", "INVALID_CHARACTER_ERR",
  "NO_DATA_ALLOWED_ERR", "NO_MODIFICATION_ALLOWED_ERR", "NOT_FOUND_ERR", "NOT_SUPPORTED_ERR", "INUSE_ATTRIBUTE_ERR",
  "INVALID_STATE_ERR", "SYNTAX_ERR", "INVALID_MODIFICATION_ERR", "NAMESPACE_ERR", "INVALID_ACCESS_ERR", "VALIDATION_ERR",
  "TYPE_MISMATCH_ERR", "SECURITY_ERR", "NETWORK_ERR", "ABORT_ERR", "URL_MISMATCH_ERR", "QUOTA_EXCEEDED_ERR",
  "TIMEOUT_ERR", "INVALID_NODE_TYPE_ERR", "DATA_CLONE_ERR",
];

const state = new WeakMap<object, { name: string; message: string }>();

function internals(self: unknown): { name: string; message: string } {
  const found = state.get(self as object);
  if (!found) throw new TypeError("Value of \"this\" must be of type DOMException");
  return found;
}

/** WebIDL's DOMException: an Error whose `name` says what went wrong (`AbortError`, …). */
export class DOMException extends Error {
  constructor(message: unknown = "", options: unknown = "Error") {
    super();
    let name = "Error";
    if (typeof options === "object" && options !== null) {
      const { name: givenName, cause } = options as { name?: unknown; cause?: unknown };
      if ("cause" in options) Object.defineProperty(this, "cause", { value: cause, writable: true, enumerable: false, configurable: true });
      if (givenName !== undefined) name = `${givenName as string}`;
    } else if (options !== undefined) {
      name = `${options as string}`;
    }
    state.set(this, { name, message: `${message as string}` });
    // The message was set after super(): record the stack again so its first line says `Name: message`.
    delete (this as { message?: string }).message;
    delete (this as { stack?: string }).stack;
    (Error as { captureStackTrace?: (target: object, ctor?: unknown) => void }).captureStackTrace?.(this, DOMException);
  }
  override get name(): string {
    return internals(this).name;
  }
  override get message(): string {
    return internals(this).message;
  }
  get code(): number {
    return codes[internals(this).name] ?? 0;
  }
}
webidlClass(DOMException, "DOMException");
for (const [index, key] of constants.entries()) {
  for (const target of [DOMException, DOMException.prototype]) {
    Object.defineProperty(target, key, { value: index + 1, writable: false, enumerable: true, configurable: false });
  }
}

/** A DOMException with the given name, as the platform throws them. */
export function domException(message: string, name: string): DOMException {
  return new DOMException(message, name);
}

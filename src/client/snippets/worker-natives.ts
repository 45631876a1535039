// The built-ins the worker's own code relies on, taken before anything else in the worker bundle
// is evaluated (worker-main.ts imports this module first) and so before any snippet code exists.
// A snippet shares the worker's realm and may replace any global or prototype method; the
// worker's code calls only these copies, through `apply`, so a replaced
// `MessagePort.prototype.postMessage` (which would receive the result port as `this`),
// `String.prototype.slice` or `Reflect.apply` never runs in its place. installRealm() also
// replaces some globals (URL, Blob, EventTarget, MessageChannel…) with pure implementations and
// removes the worker's other natives, so the natives the worker needs (to hear the frame, load the
// snippet as a blob: module and wait for real macrotasks) are taken here too.

export const apply = Reflect.apply;
export const postOnPort = MessagePort.prototype.postMessage;
export const closePort = MessagePort.prototype.close;
export const sliceString = String.prototype.slice;
export const joinArray = Array.prototype.join;
export const hasOwn = Object.hasOwn;
export const deleteProperty = Reflect.deleteProperty;
export const addListener = EventTarget.prototype.addEventListener;
export const NativeBlob = Blob;
export const NativeURL = URL;
export const createObjectURL = URL.createObjectURL;
export const NativeMessageChannel = MessageChannel;
export const setPortHandler = Object.getOwnPropertyDescriptor(MessagePort.prototype, "onmessage")!.set!;
export const channelPort1 = Object.getOwnPropertyDescriptor(MessageChannel.prototype, "port1")!.get!;
export const channelPort2 = Object.getOwnPropertyDescriptor(MessageChannel.prototype, "port2")!.get!;

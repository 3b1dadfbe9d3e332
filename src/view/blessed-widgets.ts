// Cold start (DESIGN.md §6): `require('blessed')` loads all 34 of blessed's widget modules (forms,
// file managers, images, video…) when the cockpit draws with two: the screen and boxes. These
// factories load just those (and what they require), so the first frame waits for less code.
import { createRequire } from 'node:module';
import type blessed from 'blessed';

const require = createRequire(import.meta.url);

/** A widget module of blessed: a class whose constructor also works as a factory. */
function widgetClass(path: string): (options: unknown) => unknown {
  const loaded: unknown = require(path);
  if (typeof loaded !== 'function') throw new Error(`${path}: not a blessed widget (blessed changed shape)`);
  return (options) => {
    const made: unknown = Reflect.construct(loaded, [options]);
    return made;
  };
}

let screenClass: ((options: unknown) => unknown) | undefined;
let boxClass: ((options: unknown) => unknown) | undefined;

/** True for a blessed element (what `new Box`/`new Screen` return): it renders and has a type. */
function isElement(value: unknown): value is blessed.Widgets.BoxElement & blessed.Widgets.Screen {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'render') === 'function' && typeof Reflect.get(value, 'type') === 'string';
}

/** blessed's screen, as `newScreen(options)` makes it. */
export function newScreen(options: blessed.Widgets.IScreenOptions): blessed.Widgets.Screen {
  screenClass ??= widgetClass('blessed/lib/widgets/screen.js');
  const screen = screenClass(options);
  if (!isElement(screen)) throw new Error('blessed/lib/widgets/screen.js made no screen (blessed changed shape)');
  return screen;
}

/** A blessed box, as `newBox(options)` makes it. */
export function newBox(options: blessed.Widgets.BoxOptions): blessed.Widgets.BoxElement {
  boxClass ??= widgetClass('blessed/lib/widgets/box.js');
  const box = boxClass(options);
  if (!isElement(box)) throw new Error('blessed/lib/widgets/box.js made no box (blessed changed shape)');
  return box;
}

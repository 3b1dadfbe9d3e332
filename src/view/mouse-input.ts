// Mouse reporting: turned on through the screen (so blessed turns it off again when the screen
// is destroyed). blessed reads only the first mouse event of an input chunk and drops the whole
// chunk from key parsing, so a fast wheel lost notches and keys typed in the same read were
// lost. Here every event of a chunk is parsed, and the keys around them are fed back alone.
import type blessed from 'blessed';

/** A mouse event the cockpit acts on: a press of the left button, or one wheel notch (0-based cells). */
export type MouseAction = { readonly kind: 'click' | 'wheel-up' | 'wheel-down'; readonly x: number; readonly y: number };

// SGR (`ESC [ < B ; X ; Y M|m`) and X10/normal (`ESC [ M` + three bytes) reports.
const ESC = String.fromCharCode(0x1b);
const MOUSE = new RegExp(`${ESC}\\[<(\\d+);(\\d+);(\\d+)([Mm])|${ESC}\\[M([\\s\\S])([\\s\\S])([\\s\\S])`, 'g');

/** The mouse events in `data` and what remains once their sequences are cut out. */
export function splitMouseInput(data: string): { readonly actions: MouseAction[]; readonly rest: string; readonly hadMouse: boolean } {
  const actions: MouseAction[] = [];
  let hadMouse = false;
  const rest = data.replace(MOUSE, (_whole, sgrB?: string, sgrX?: string, sgrY?: string, final?: string, xb?: string, xx?: string, xy?: string) => {
    hadMouse = true;
    const sgr = sgrB !== undefined;
    const button = sgr ? Number(sgrB) : (xb ?? ' ').charCodeAt(0) - 32;
    const x = (sgr ? Number(sgrX) : (xx ?? ' ').charCodeAt(0) - 32) - 1;
    const y = (sgr ? Number(sgrY) : (xy ?? ' ').charCodeAt(0) - 32) - 1;
    const released = sgr ? final === 'm' : (button & 3) === 3;
    const action = actionOf(button, released);
    if (action !== undefined) actions.push({ kind: action, x, y });
    return '';
  });
  return { actions, rest, hadMouse };
}

function actionOf(button: number, released: boolean): MouseAction['kind'] | undefined {
  if ((button & 64) !== 0) return (button & 1) === 0 ? 'wheel-up' : 'wheel-down';
  if ((button & 32) !== 0 || released) return undefined; // motion, release
  return (button & 3) === 0 ? 'click' : undefined;
}

/** Enables the mouse on `screen` and calls `handler` per click or notch; returns the unsubscribe. */
export function listenMouse(screen: blessed.Widgets.Screen, handler: (action: MouseAction) => void): () => void {
  const program = screen.program;
  const onData = (data: unknown): void => {
    const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : '';
    const { actions, rest, hadMouse } = splitMouseInput(text);
    if (!hadMouse) return;
    for (const action of actions) handler(action);
    // blessed dropped this chunk from key parsing: the keys typed with the mouse events come back alone.
    if (rest !== '') program.input.emit('data', Buffer.from(rest, 'utf8'));
  };
  screen.enableMouse();
  program.on('data', onData);
  return () => {
    program.removeListener('data', onData);
  };
}

/**
 * Says when training runs on the JavaScript engine instead of the WebAssembly SIMD kernels, and why, so a
 * slower run is never a silent one. Nothing is shown while the fast kernels are in use.
 */
import { useLab } from '../../store/hooks';

export const ENGINE_TEXT = {
  blocked:
    "Training runs on the slower JavaScript engine: this site's Content-Security-Policy does not allow WebAssembly (it needs 'wasm-unsafe-eval'). The numbers are the same; only the speed differs.",
  unsupported:
    'Training runs on the slower JavaScript engine: this browser has no WebAssembly SIMD. The numbers are the same; only the speed differs.',
} as const;

export function EngineNotice() {
  const engine = useLab((s) => s.engine);
  if (engine === null || engine.kernels !== 'javascript') return null;
  return <p className="notice engine-notice">{engine.webAssemblyBlocked ? ENGINE_TEXT.blocked : ENGINE_TEXT.unsupported}</p>;
}

/**
 * Says when training runs on the JavaScript engine instead of the WebAssembly SIMD kernels, and why, so a
 * slower run is never a silent one. Nothing is shown while the fast kernels are in use.
 */
import { useLab } from '../../store/hooks';
import { useT } from '../../i18n/useT';

export function EngineNotice() {
  const engine = useLab((s) => s.engine);
  const m = useT();
  if (engine === null || engine.kernels !== 'javascript') return null;
  return <p className="notice engine-notice">{engine.webAssemblyBlocked ? m.engine.blocked : m.engine.unsupported}</p>;
}

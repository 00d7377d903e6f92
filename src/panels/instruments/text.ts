/**
 * The instruments' words in the page's language. The instruments also render on their own, without the lab
 * around them (and its store); they speak English then.
 */
import { useSyncExternalStore } from 'react';
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import { useOptionalLabStore } from '../../store/hooks';
import { formatNorm, formatNumber } from './format';

const noSubscription = () => () => {};

function useInstrumentLang(): Lang {
  const store = useOptionalLabStore();
  return useSyncExternalStore(store?.subscribe ?? noSubscription, () => store?.getState().lang ?? 'en');
}

/** `m`: the instruments' messages; `num`/`norm`: formatNumber and formatNorm saying ∞ and NaN in words of the language. */
export function useInstrumentText() {
  const m = t(useInstrumentLang()).instruments;
  return {
    m,
    num: (v: number, digits?: number) => formatNumber(v, digits, m.numbers),
    norm: (v: number) => formatNorm(v, m.numbers),
  };
}

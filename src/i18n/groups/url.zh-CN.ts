/** URL 提示的中文文字：忽略了哪个参数、原因、以及改用的值。参数名和取值照原样写出，因为它们要在地址里输入。 */
import type { urlEn } from './url.en';
import type { LayerProblem } from '../../engine';

/** A layers list's problem; the offending value is shown as the engine writes it (text in quotes). */
function layerProblem(p: LayerProblem): string {
  switch (p.code) {
    case 'not-list':
      return `layers 必须是宽度的列表，例如 [784, 30, 10]，收到的是 ${p.shown}`;
    case 'not-text':
      return `layers 必须是 “784,30,10” 这样的文本，收到的是 ${p.shown}`;
    case 'no-layers':
      return '没有给出任何层：请写出用逗号分隔的宽度，例如 “784,30,10”';
    case 'empty-width':
      return `“${p.text}” 中第 ${p.position} 层的宽度是空的`;
    case 'too-few':
      return `网络至少需要 2 层（输入层和输出层），这里只有 ${p.count} 层${p.shown === null ? '' : `（${p.shown}）`}`;
    case 'too-many-hidden':
      return `最多允许 ${p.max} 个隐藏层，这里有 ${p.count} 个`;
    case 'not-whole':
      return `第 ${p.position} 层的宽度 ${p.shown} 不是整数`;
    case 'width-range':
      return `第 ${p.position} 层${p.end === 'input' ? '（输入层）' : p.end === 'output' ? '（输出层）' : ''}的宽度 ${p.width} 必须在 1 到 ${p.max} 之间`;
    case 'input-pinned':
      return `输入层必须是 ${p.expected}${p.expected === 784 ? '（MNIST 图像有 28×28 个像素）' : ''}，收到的是 ${p.found}`;
    case 'output-pinned':
      return `输出层必须是 ${p.expected}${p.expected === 10 ? '（数字 0-9）' : ''}，收到的是 ${p.found}`;
    default: {
      const unreachable: never = p;
      return unreachable;
    }
  }
}

export const urlZh: typeof urlEn = {
  quoteCut: (text, chars) => `“${text}…”（共 ${chars} 个字符）`,
  quote: (text) => `“${text}”`,
  unknownKey: (key, hint) => (hint === null ? `已忽略 URL 参数 ${key}：页面不读取它。` : `已忽略 URL 参数 ${key}：您是想写 ${hint} 吗？`),
  duplicateKey: (key, count, used) => `URL 参数 ${key} 出现了 ${count} 次；只用第一个 ${used}，其余的已忽略。`,
  moreUnknownKeys: (count) => `另有 ${count} 个页面不读取的 URL 参数已被忽略。`,
  knownKeys: (keys) => `页面读取的参数：${keys.join(', ')}。`,
  underflow: (text) => `${text} 太小，在页面所用的运算中与 0 无法区分`,
  tooLong: (text) => `收到的是 ${text}，比任何有效值都长得多`,
  ignored: (key, reason, fallback) => `已忽略 URL 参数“${key}”：${reason}。改用默认值 ${fallback}。`,
  nearestPace: (param, pace) => `URL 参数 ${param} 按最接近的命名速度“${pace}”读取。`,
  got: (rule, value) => `${rule}，收到的是 ${value}`,
  ruleAndWhy: (rule, why) => `${rule}；${why}`,
  layerProblem,
  hiddenWidth: (layer) => `第 ${layer} 个隐藏层的宽度`,
  rule: {
    number: (label, integer, lo, hi) =>
      `${label}必须是${lo.exclusive ? `大于 ${lo.value} ` : `不小于 ${lo.value} `}${
        hi === null ? '' : hi.exclusive ? `且小于 ${hi.value} ` : `且不大于 ${hi.value} `
      }的${integer ? '整数' : '数'}`,
    choice: (label, names) => `${label}必须是 ${names.join(', ')} 之一`,
    flag: (label) => `${label}必须是 true 或 false`,
    switch: (key, got) => `${key} 必须是 1 或 0，收到的是 ${got}`,
    layers: (text) => `layers 必须是用逗号分隔的宽度，例如“784,30,10”；${text}`,
    pauseBudget: (label, epochs, got) => `${label}必须是 1 到迭代次数上限 ${epochs} 之间的整数，收到的是 ${got}`,
    speed: (paces, got) => `speed 必须是 ${paces.join(', ')} 之一，或 1 到 10 之间的数，收到的是 ${got}`,
  },
  opening: (text) => text,
  noPause: '不设暂停',
  none: '无',
  labels: {
    mode: '模式',
    eta: 'η（学习速率）',
    lambda: 'λ（L2 规范化参数）',
    batchSize: 'mini-batch 大小',
    seed: '随机种子',
    init: '初始化方法',
    activation: '激活函数',
    output: '输出层',
    momentum: '动量 μ',
    epochs: '迭代次数上限',
    exploding: '梯度爆炸预设',
    clipNorm: '梯度范数裁剪阈值',
    speed: '速度',
    probeEvery: '探测间隔（mini-batch 数）',
    pauseAt: '暂停于第几次迭代',
    residual: '残差连接',
    normalisation: '归一化',
  },
  scaleLabel: '刻度',
};

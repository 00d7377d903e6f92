/** 仪器（式 114-124）的中文文字；术语与本章中译本一致。 */
import type { instrumentsEn } from './instruments.en';
import { numberFormats } from '../number';

const n = numberFormats('zh-CN');

export const instrumentsZh: typeof instrumentsEn = {
  numbers: {
    nan: '无定义（NaN）',
    overflow: (sign) => `溢出（${sign}∞）`,
    diverged: '非有限值（已发散）',
  },
  chain: {
    exportTitle: '神经元链',
    title: '神经元链：a₀ → 四个 sigmoid 神经元 → C',
    explain:
      '式 (122)：∂C/∂b₁ = σ′(z₁)·w₂σ′(z₂)·w₃σ′(z₃)·w₄σ′(z₄)·∂C/∂a₄。σ′ 从不超过 σ′(0) = 1/4，所以当 |wⱼ| < 1 时，每一项 wⱼσ′(zⱼ) 都小于 1/4，∂C/∂b₁ 与 ∂C/∂b₄ 相比会消失。书中让梯度爆炸的做法（所有 wⱼ = 100，bⱼ = −100·aⱼ₋₁，于是每个 zⱼ = 0）使每一项等于 100·¼ = 25，于是 ∂C/∂b₁ = 25³·∂C/∂b₄。代价函数为二次代价 C = ½(a₄ − y)²，所以 ∂C/∂a₄ = a₄ − y。',
    figure: '神经元链、式 (122) 的各项以及每个神经元的 ∂C/∂b',
    factorRow: '项',
    productRow: '累积乘积',
    barsRow: '|∂C/∂bⱼ|，对数刻度',
    factor: (name) => `项 ${name}`,
    product: (name) => `乘到 ${name} 为止的乘积`,
    ratio: '比值 ∂C/∂b1 / ∂C/∂b4',
    ratioUndefined: '无定义（∂C/∂b₄ = 0）',
    controls: '权重、偏移量、输入与目标',
    weight: (j) => `输入第 ${n.int(j)} 个神经元的权重`,
    bias: (j) => `第 ${n.int(j)} 个神经元的偏移量`,
    input: '输入激活值',
    target: '目标输出（C = ½(a₄ − y)² 中的 y）',
    seed: '随机种子',
    seedError: (text) => `随机种子必须是 0 到 999999999 之间的整数，收到的是“${text}”`,
    standard: '标准初始化',
    exploding: '梯度爆炸的做法',
    hint: '标准初始化按随机种子抽取 wⱼ ~ N(0,1) 和 bⱼ ~ N(0,1)（按滑块的 0.01 步长取整）。',
  },
  sigma: {
    exportTitle: 'σ 与 σ′',
    title: 'σ 与 σ′',
    explain:
      'σ′(z) = σ(z)(1 − σ(z)) 在 z = 0 处最大，σ′(0) = 1/4（式 (122) 中的上界）：每一项 wⱼσ′(zⱼ) 至多为 |wⱼ|/4。把指针移到图上（或拖动 z 滑块）即可读出数值。',
    figure: 'σ(z)、σ′(z) 以及用来比较的导数',
    dashed: (name) => `${name}′(z)，虚线`,
    readout: 'z 处的数值',
    zSlider: '读数所在的位置',
    compare: '对比',
    nothing: '不对比',
  },
  bound: {
    exportTitle: '式 (123)',
    title: '逃离梯度消失的出口有多宽？（式 (123)）',
    explain: (largest, atW) =>
      `要让一项 |wσ′(wa+b)| ≥ 1，因为 σ′ ≤ 1/4，需要 |w| ≥ 4；但大的 w 也会把 z = wa + b 推到 σ′ 的尾部。式 (123)：使该项达到 1 的输入激活值 a 构成一个区间，宽度为 (2/|w|)·ln(|w|(1+√(1−4/|w|))/2 − 1)，最大约为 ${largest}（在 |w| ≈ ${atW} 处）——a 只有很窄的范围可以命中。`,
    factorFigure: '该项 |wσ′(wa+b)| 随 a 的变化，阴影是它至少为 1 的区间',
    activationRange: '激活值位于 [0, 1] 内',
    widthFigure: '区间宽度随 |w| 的变化（式 (123)）',
    maximum: (width, atW) => `最大 ${width}，在 |w| = ${atW} 处`,
    widthLabel: '区间宽度',
    noInterval: (absW) => `|w| = ${absW} < 4：对每个 a 都有 |wσ′(wa+b)| ≤ |w|/4 < 1，宽度为 0`,
    width: (width) => `宽度 = ${width}`,
    interval: (lo, hi, shown) => `（a 从 ${lo} 到 ${hi}${shown ? '' : '，在所画范围之外'}）`,
    wName: '区间 w',
    bName: '区间 b',
    wSlider: '权重；|w| ≥ 4 时区间才存在',
    bSlider: '偏移量；沿 a 移动区间而不改变其宽度',
  },
  identity: {
    exportTitle: '恒等神经元',
    title: '恒等神经元（练习）',
    explain:
      '令 x = ½ + Δ，取 b = −w₁/2：σ(w₁x + b) = ½ + w₁Δ/4 − (w₁Δ)³/48 + …，所以 w₂ = 4/w₁ 给出 x + (2/w₁ − ½) − w₁²Δ³/12。单个神经元相差常数 2/w₁ − ½；在网络中下一个神经元的偏移量会吸收它（附加项 c = ½ − 2/w₁）。剩下的误差至多约为 w₁²/96，所以 w₁ 越小，这个神经元越接近恒等映射。',
    figure: 'w2·σ(w1·x + b) + c 与 y = x 的对比',
    diagonal: 'y = x（虚线）',
    tableCaption: '该构造在 [0, 1] 上的最大误差',
    maxError: '最大 |误差|',
    readout: '在 [0, 1] 上 max |w₂σ(w₁x + b) + c − x| =',
    errorLabel: '恒等神经元的最大误差',
    neuron: (param) => `神经元 ${param}`,
    w1: '输入权重',
    b: '偏移量',
    w2: '输出权重',
    c: '附加项：下一个神经元的偏移量',
    solve: '求解',
    solveHint: (w1) => ` 设 w₁ = ${w1}，b = −w₁/2，w₂ = 4/w₁，c = ½ − 2/w₁。`,
  },
  eq124: {
    exportTitle: '本网络中的式 (124)',
    title: '本网络中的式 (124)',
    explain:
      '式 (124)：对一个样本，δʰ = Σ′(zʰ)(wʰ⁺¹)ᵀ δʰ⁺¹，所以 ‖δʰ‖ ≤ ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ · ‖δʰ⁺¹‖。这里的范数是谱范数 ‖·‖₂（最大奇异值），Σ′ = diag(第 h 层在探测图像上的平均 σ′)，所以它描述的是探测集的平均情况，而不是严格的上界。Σ′ 的元素至多为 1/4，所以除非权重很大，每一项都小于 1，‖δ‖ 朝输入方向逐层缩小：前面的层学习最慢。梯度爆炸预设（W = 100·I，z ≈ 0，σ′ ≈ 1/4）使各项约为 25，δ 反而增长。',
    waiting: '等待对网络的第一次探测……',
    at: (epoch, batch, batches) =>
      batches > 0 && batch > 0
        ? `第 ${n.int(epoch)} 次迭代，第 ${n.int(batch)}/${n.int(batches)} 个 mini-batch。`
        : `第 ${n.int(epoch)} 次迭代。`,
    figure: '每个隐藏层的 Σ′(zʰ)(wʰ⁺¹)ᵀ 谱范数，对数刻度',
    axis: (from, to) => `‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂（对数刻度 ${from} … ${to}）`,
    table: '每个隐藏层的式 (124)',
    layerColumn: '隐藏层 h',
    meanColumn: (derivative) => `平均 ${derivative}(zʰ)`,
    measuredColumn: '实测 ‖δʰ‖ / ‖δʰ⁺¹‖',
    meanCell: (h) => `第 ${n.int(h)} 层的平均 σ′`,
    factorCell: (h) => `第 ${n.int(h)} 层的因子范数`,
    factorCellNotApplicable: (h) => `第 ${n.int(h)} 层的因子范数：不适用`,
    ratioUndefined: '无定义（‖δʰ⁺¹‖ = 0）',
    note: '— ：最后一个隐藏层的比值需要输出层的 δ，而探测不报告它。',
    barRow: (h) => `第 ${n.int(h)} 层`,
    notApplicable: '不适用',
    notApplicableNote:
      '不适用：式 (124) 的因子在这里不负责把 δ 传回。有跳跃连接时因子是 I + Σ′W；有层归一化时雅可比矩阵还包含归一化：不显示。',
  },
};

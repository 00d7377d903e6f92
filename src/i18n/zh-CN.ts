/**
 * 简体中文. Terms follow the Chinese translation of the chapter that readers hold (梯度消失问题, 梯度爆炸问题,
 * 不稳定梯度问题, 隐藏层, 学习速度, 偏移量 with the common 偏置 beside it the first time, 迭代 for an epoch),
 * so the page and the book use the same words. Typed as `Messages`: a key missing here does not compile.
 */
import type { Messages } from './en';
import type { NonFinite } from '../worker/protocol';
import { superscript } from '../worker/divergence';
import { numberFormats } from './number';
import { instrumentsZh } from './groups/instruments.zh-CN';
import { urlZh } from './groups/url.zh-CN';
import { loadErrorsZh } from './groups/loadErrors.zh-CN';
import { importErrorsZh } from './groups/importErrors.zh-CN';
import { exportNoticesZh } from './groups/exportNotices.zh-CN';

const n = numberFormats('zh-CN');

export const zhCN: Messages = {
  meta: {
    title: '梯度实验室——为什么深度神经网络很难训练',
    description: '梯度实验室：看一个 sigmoid 网络在 MNIST 上训练时，梯度如何消失、如何爆炸。',
  },
  header: {
    title: '梯度实验室——为什么深度神经网络很难训练（Nielsen，第 5 章）',
    skipLink: '跳到网络图',
    instruments: '仪表：本章的公式',
  },
  lang: {
    switchLabel: '语言',
    english: 'English',
    chinese: '中文',
  },
  toolbar: {
    shortcuts: '键盘快捷键',
    shortcutsTitle: '键盘快捷键（?）',
    presentationTitle: 'P 键；Esc 键也可退出',
    enterPresentation: '演示模式',
    exitPresentation: '退出演示',
  },
  help: {
    title: '键盘快捷键',
    typingHint: '在输入框中打字时，快捷键暂停生效。',
    close: '关闭',
    keySpace: '空格',
    keyEsc: 'Esc',
    toggleRun: '开始或暂停训练',
    step: '单步：一次迭代（SGD：一个探测间隔）',
    step10: '单步：十次迭代（SGD：十个探测间隔）',
    reset: '重置：用同一个种子重新初始化权重',
    addLayer: '添加一个含 30 个神经元的隐藏层',
    toggleExploding: '打开或关闭梯度爆炸预设',
    togglePresentation: '打开或关闭演示模式',
    help: '显示这些快捷键',
    exitPresentation: '退出演示模式',
    lessonNext: '课程打开时：下一步',
    lessonBack: '课程打开时：上一步',
  },
  seeds: {
    title: (count) => `${n.int(count)} 个随机种子`,
    explain: (first, last) =>
      `书中的 ‖δˡ‖ 来自一次运行。这里是同一个网络在随机种子 ${n.int(first)} 到 ${n.int(last)} 下初始化时的值：每个种子一个点，方框包含中间一半，横穿方框的线是中位数。`,
    waiting: '正在测量其他随机种子……',
    noData: '前 1000 张训练图像到达后，才会测量其他随机种子。',
    stripLabel: (count) => `${n.int(count)} 个随机种子下，每个隐藏层初始化时的 ‖δˡ‖，对数刻度`,
    ratioLabel: (count) => `${n.int(count)} 个随机种子下，最后一个隐藏层比第一个学得快多少倍，对数刻度`,
    layerRow: (h) => `第 ${n.int(h)} 层`,
    ratioRow: (last) => `‖δ${last}‖ ÷ ‖δ¹‖`,
    axisNorm: '初始化时的 ‖δˡ‖',
    axisRatio: '最后一个 ÷ 第一个隐藏层',
    dotTitle: (seed, h, value) => `随机种子 ${n.int(seed)}，第 ${n.int(h)} 个隐藏层：‖δ‖ = ${value}`,
    ratioTitle: (seed, value) => `随机种子 ${n.int(seed)}：最后一个隐藏层的学习速度是第一个的 ${value} 倍`,
    medianTitle: (median, q1, q3) => `中位数 ${median}，中间一半从 ${q1} 到 ${q3}`,
    bookTitle: (value) => `书中的单次运行：${value}`,
    legendCurrent: (seed) => `本次运行（随机种子 ${n.int(seed)}）`,
    legendBook: '书中的运行',
    legendBox: '中间一半与中位数',
    summary: (median, lo, hi, current) =>
      `各随机种子的中位数：最后一个隐藏层的学习速度是第一个的 ${median} 倍（从 ${lo} 倍到 ${hi} 倍）；本随机种子：${current} 倍。`,
    missing: (count) => `有 ${n.int(count)} 个值不是有限的正数（溢出或恰好为零），已略去。`,
  },
  export: {
    menu: '导出',
    menuLabel: (what) => `导出${what}`,
    speedChart: '学习速度图',
    accuracyChart: '准确率图',
    barsPanel: '网络及其梯度条',
    everything: '曲线、网络或工作区',
    instrument: (title) => `图“${title}”`,
    curvesCsv: '曲线（CSV）',
    curvesJson: '曲线（JSON）',
    layersCsv: '最近一次探测的各层数值（CSV）',
    allCurvesJson: '全部曲线（JSON）',
    figureSvg: '图（SVG）',
    figurePng: '图（PNG，2 倍）',
    networkJson: '网络（network2.py 的 JSON）',
    workspace: '工作区（配置和固定运行）',
    openFile: '打开网络或工作区文件…',
    copyLink: '复制链接',
    dropHint: '把 network2.py 的 JSON 文件或梯度实验室的工作区文件拖到页面任意位置即可加载。',
    dropOverlay: '松开鼠标即可加载文件',
  },
  activations: {
    title: '各层的激活值',
    explain:
      '每个隐藏层在 1000 张探测图像上的平均激活值（线），以及从第 2 到第 98 百分位的区间带，随迭代期变化——Glorot 与 Bengio（2010）图 2。在他们的 sigmoid 网络里，最上面的隐藏层降到 0 附近，并在许多迭代期里停在那里。下方：每层此刻的激活值。',
    waiting: '网络的第一次探测之后，这里会显示激活值。',
    chartLabel: '每个隐藏层的平均激活值及 2–98 % 区间带随迭代期的变化',
    yLabel: '激活值',
    xLabelLearningSpeed: '迭代期（全批量 1,000 张图像）',
    xLabelSgd: '小批量 SGD 的迭代期',
    histogramsLabel: '每个隐藏层此刻激活值的直方图',
    legendBand: '线：平均值——带：第 2 到第 98 百分位',
    layer: (h: number) => `隐藏层 ${n.int(h)}`,
    layerSeries: (h: number, mean: string, low: string, high: string) =>
      `隐藏层 ${n.int(h)}：平均激活值 ${mean}，2–98 % 区间 ${low} 至 ${high}`,
    histogram: (h: number, rule: string, share: string) => `隐藏层 ${n.int(h)}：此刻激活值的直方图；${rule}：${share}`,
    shareLine: (rule: string, share: string) => `${rule}：占 ${share}`,
    ruleSigmoid: '饱和（σ < 0.01 或 > 0.99）',
    ruleTanh: '饱和（|a| > 0.97）',
    ruleRelu: '死亡（在每张探测图像上都为 0）',
  },
  notices: {
    ...exportNoticesZh,
    pausedAt: (epoch) => `已按要求在第 ${n.int(epoch)} 次迭代后暂停。`,
    retrying: '正在重新加载 MNIST。',
    reinitialised: (seed) => `网络已用种子 ${n.int(seed)} 重新初始化。`,
    reinitialisedBecause: (seed, what) => `网络已用种子 ${n.int(seed)} 重新初始化（${what}）。`,
    explodingOn: '已应用梯度爆炸预设：后面每个隐藏层的 w = 100、z ≈ 0，于是每个因子 wσ′(z) ≈ 25（方程 (122)）。',
    explodingOff: (seed) => `预设已关闭：网络已用种子 ${n.int(seed)} 重新初始化。`,
    addedLayer: (h) => `添加了隐藏层 ${n.int(h)}`,
    removedLayer: (h) => `删除了隐藏层 ${n.int(h)}`,
    layerWidth: (h, width) => `隐藏层 ${n.int(h)} 现在有 ${n.int(width)} 个神经元`,
    pinnedUnreadable: '无法读取此浏览器中保存的固定运行，已略过。',
    pinnedSomeUnreadable: (count) => `此浏览器中保存的 ${n.int(count)} 个固定运行无法读取，已略过。`,
    pinnedUnavailable: '此浏览器无法保存固定运行（本地存储不可用）。',
    pinnedNotSaved: '固定运行无法保存到此浏览器；重新加载页面后它们会消失。',
    linkCopied: '链接已复制。它能重现当前配置（网络、模式、种子和各项设置）；固定运行和训练后的权重要通过导出的工作区或网络文件传递。',
    linkNotCopied: (link) => `浏览器不允许页面复制链接；请从这里复制：${link}`,
    networkUnavailable: '无法从训练线程读出网络。',
    networkLoaded: (name, sizes) => `已加载“${name}”中的网络（${sizes}，CrossEntropyCost）。梯度条显示它的梯度；重置会回到这些权重。`,
    networkLoadedQuadratic: (name, sizes) =>
      `已加载“${name}”中的网络（${sizes}，QuadraticCost）。梯度条按实验室的交叉熵代价显示梯度，而不是文件中的二次代价；重置会回到这些权重。`,
    workspaceLoaded: (name, runs, notes) => `已加载工作区“${name}”：它的配置和 ${n.int(runs)} 个固定运行。${notes ? ` ${notes}` : ''}`,
    fileNotJson: (name) => `未加载“${name}”：它不是 JSON 文件（无法解析）。`,
    fileUnknown: (name) => `未加载“${name}”：它既不是 network2.py 的网络（sizes、weights、biases、cost），也不是梯度实验室的工作区。`,
    fileTooBig: (name, megabytes, limit) =>
      `未加载“${name}”：文件有 ${Number(megabytes).toFixed(1)} MB，实验室最多读取 ${n.int(limit)} MB。`,
    onlyOneFile: '请一次只拖入一个文件。',
    restartedReplay: (seed, epoch) =>
      `训练线程已重新启动。它正从种子 ${n.int(seed)} 重新训练网络，直到停止的线程所在的第 ${n.int(epoch)} 次迭代；全批量梯度下降会得到相同的权重。`,
    restartedFresh: (seed) => `训练线程已用相同的配置重新启动；网络从种子 ${n.int(seed)} 重新开始。`,
    presetAfterDivergence: (seed) =>
      `这次运行已经发散，所以先用种子 ${n.int(seed)} 重新初始化网络，再应用梯度爆炸预设：后面每个隐藏层的 w = 100、z ≈ 0，于是每个因子 wσ′(z) ≈ 25（方程 (122)）。`,
  },
  engine: {
    blocked:
      "训练正在较慢的 JavaScript 引擎上运行：本网站的内容安全策略（Content-Security-Policy）不允许 WebAssembly（需要 'wasm-unsafe-eval'）。计算结果相同，只是速度较慢。",
    unsupported: '训练正在较慢的 JavaScript 引擎上运行：此浏览器不支持 WebAssembly SIMD。计算结果相同，只是速度较慢。',
  },
  progress: {
    epochImages: (epoch, done, total) => `第 ${n.int(epoch)} 次迭代：已完成 ${n.int(total)} 张图像中的 ${n.int(done)} 张`,
  },
  worker: {
    statusStopped: '已停止：训练线程停止了',
    heading: '训练线程停止了。',
    failed: (detail) => (detail === null ? '它的脚本无法加载，或者它崩溃了。' : `它出错了：${detail}。`),
    unresponsive: (seconds) => `它已经 ${n.int(seconds)} 秒没有应答：它被关闭、被终止，或者卡住了。`,
    cannotGoOn: '在重新启动之前无法训练。“重新启动”会用相同的配置启动一个新的训练线程。',
    restart: '重新启动',
    restartLabel: '重新启动训练线程',
  },
  common: {
    overflow: '溢出',
    none: '—',
    dismiss: '关闭',
  },
  network: {
    title: '网络：每个神经元学习得多快',
    showAll: '显示全部神经元',
    addLayer: '添加隐藏层',
    atMostLayers: (max) => `最多 ${n.int(max)} 个隐藏层。`,
    newLayerHint: (width) => `${n.int(width)} 个神经元，加在输出层之前`,
    barScale: '小条的刻度',
    scaleLatest: '最新一次探测',
    scaleFirst: '第一次探测',
    scaleLog: '对数（4 个数量级）',
    noteLatest: '最新一次探测中所有隐藏层里最大的 |∂C/∂b|',
    noteFirst: '本次运行第一次探测以来最大的 |∂C/∂b|',
    noteLog: '最新一次探测中最大的 |∂C/∂b|；往左每一格小十倍',
    scaleNote: (note, log) => `（${note}；${log ? '对数刻度' : '长度 ∝ √|∂C/∂b|'}，所有层共用一个刻度）`,
    fullBar: (value) => `满条 = ${value}`,
    waitingFirstProbe: '正在等待网络的第一次探测……',
    ghostKey: '第一次探测时的值，刻度相同（▸ = 超出末端被截断）',
    bookNeurons: (count) => `每层的前 ${n.int(count)} 个神经元，和书中一样`,
    input: '输入层',
    inputHint: '像素（28×28），没有偏移量（偏置）',
    hiddenLayer: (h) => `隐藏层 ${n.int(h)}`,
    widthOf: (h) => `隐藏层 ${n.int(h)} 的宽度`,
    width: '宽度',
    barsOf: (h) => `隐藏层 ${n.int(h)} 的 ∂C/∂b 小条`,
    sampled: (shown, width) => `${n.int(width)} 个神经元中均匀选取的 ${n.int(shown)} 个`,
    removeVerb: '删除',
    removeWhich: (h) => `隐藏层 ${n.int(h)}`,
    output: '输出层',
    outputHint: '数字',
    explain:
      '每个小条是一个隐藏神经元的 ∂C/∂b：它的权重和偏移量变化得有多快。由方程 (122)，∂C/∂b₁ = σ′(z₁) w₂σ′(z₂) w₃σ′(z₃) w₄σ′(z₄) ∂C/∂a₄——越靠近输入的层，乘积里就多一个 w σ′(z)，而 σ′ ≤ 1/4。',
    readoutIdle: '精确的 ∂C/∂b：把鼠标移到小条上或轻触它，也可以让小条获得焦点后用方向键。',
    readout: (layer, neuron, value) => `第 ${n.int(layer)} 层，第 ${n.int(neuron)} 个神经元：∂C/∂b = ${value}`,
    readoutOverflow: (layer, neuron, value) =>
      `第 ${n.int(layer)} 层，第 ${n.int(neuron)} 个神经元：∂C/∂b = ${value}（梯度已超出 32 位浮点数的范围）`,
    readoutWaiting: (layer, neuron) => `第 ${n.int(layer)} 层，第 ${n.int(neuron)} 个神经元：正在等待第一次探测`,
  },
  headline: {
    waiting: '正在等待网络的第一次探测……',
    overflowed: (layer) => `第 ${n.int(layer)} 层的梯度超出了 32 位浮点数的范围，无法测量它的学习速度。`,
    oneStopped: '唯一的隐藏层已停止学习：没有梯度传到它（‖δ¹‖ = 0）。',
    oneLayer: '只有一个隐藏层，没有可比较的。再添加一层，就能看到前面的层学得更慢。',
    noneLearning: '没有一个隐藏层在学习：每个 ‖δˡ‖ 都是 0。',
    someStopped: (layers) => `第 ${layers.map(n.int).join('、')} 层已停止学习：没有梯度传到（‖δ‖ = 0）。`,
    allStalled: (largest) => `每个隐藏层几乎都停止了学习：最大的 ‖δˡ‖ 只有 ${largest}。`,
    uncountable: (fast, slow) => `第 ${n.int(fast)} 层比第 ${n.int(slow)} 层快的倍数大到浮点数都数不下。`,
    equal: (count, ratio) => `全部 ${n.int(count)} 个隐藏层学习得差不多一样快（相差在 ${ratio} 倍以内）。`,
    slower: (slow, ratio, fast) => `第 ${n.int(slow)} 层的学习速度比第 ${n.int(fast)} 层慢 ${ratio} 倍`,
    faster: (fast, ratio, slow) => `第 ${n.int(fast)} 层的学习速度比第 ${n.int(slow)} 层快 ${ratio} 倍`,
  },
  saturation: {
    layers: (layers) => {
      if (layers.length === 1) return `隐藏层 ${n.int(layers[0])}`;
      const consecutive = layers.every((l, i) => i === 0 || l === layers[i - 1] + 1);
      if (consecutive) return `隐藏层 ${n.int(layers[0])}–${n.int(layers[layers.length - 1])}`;
      return `隐藏层 ${layers.slice(0, -1).map(n.int).join('、')} 和 ${n.int(layers[layers.length - 1])}`;
    },
    notice: (w) => {
      const cause =
        w.cause === 'clipped'
          ? `即使把梯度裁剪到 ‖∇‖ ≤ ${n.decimal(w.clip, 6)}，每一步仍然太大`
          : w.cause === 'exploding'
            ? '梯度爆炸预设带来的巨大梯度迈出了巨大的一步'
            : '训练把加权输入 z 推到了离 0 很远的地方';
      const shares = w.shares.length <= 1 ? w.shares.join('') : `${w.shares.slice(0, -1).join('、')} 和 ${w.shares[w.shares.length - 1]}`;
      const who = `${w.layers}中${w.everyOne ? '每一个' : '几乎每一个'}神经元都已饱和（${shares}的${w.counted === 'neurons' ? '神经元' : '探测图像上的激活值'}满足 ${w.rule}）`;
      const consequence = w.all ? '于是梯度在所有层都消失了' : '于是梯度在这些层消失了';
      const chapter = '这就是本章的不稳定梯度问题（见“不稳定梯度问题”一节）：前面层的梯度是许多因子 wσ′(z) 的乘积，它要么爆炸，要么消失。';
      const offer =
        w.offer === 'clip'
          ? `梯度范数裁剪（Pascanu 等，2013）限制每一步的长度，一个巨大的梯度就无法把神经元推得这么远；按下按钮会以 ${n.decimal(w.clipAt, 6)} 裁剪并重新开始。`
          : w.offer === 'smaller'
            ? `阈值越小，步子越小：按下按钮会以 ${n.decimal(w.clipAt, 6)} 裁剪并重新开始。`
            : '裁剪得这么狠仍然饱和：试试更小的 η，或换一种初始化方法。';
      return `${cause}：${who}，${consequence}。${chapter}${offer}`;
    },
    reluRule: '每张探测图像上 a = 0',
    tanhRule: '|a| > 0.97',
    sigmoidRule: 'σ < 0.01 或 σ > 0.99',
    clip: '裁剪梯度范数',
    clipAt: (c) => `以 ${n.decimal(c, 6)} 裁剪梯度范数`,
  },
  controls: {
    title: '控制',
    run: '运行',
    start: '开始',
    pause: '暂停',
    step: '单步',
    step1: '单步 1',
    step10: '单步 10',
    reset: '重置',
    finished: (epochs) => `全部 ${n.int(epochs)} 次迭代已完成。重置会从同一个种子重新开始。`,
    diverged: '本次运行已发散。重置会从同一个种子重新开始（先调小 η）。',
    endedTitle: '本次运行已结束：重置会从同一个种子重新开始',
    stepTitle: '一次迭代（SGD：一个探测间隔）；Shift+→ 走十步',
    resetHint: '重置：用同一个种子重新初始化权重。',
    stepHintSpeed: '单步 1：一次迭代（→）。单步 10：十次迭代（Shift+→）。',
    stepHintSgd: (batches) =>
      `单步 1：一个探测间隔，即 ${n.int(batches)} 个 mini-batch（→）。单步 10：十个探测间隔（Shift+→）。到一次迭代的末尾时，间隔会提前结束。`,
    pauseAt: '在第几次迭代后暂停',
    pauseAtHint: (epochs) => `留空：不预定暂停。否则运行会在这次迭代完成后自动暂停（1 到 ${n.int(epochs)}）。`,
    exploding: '梯度爆炸',
    explodingHint:
      '很大的权重，加上让 z ≈ 0 的偏移量，使每个因子 wσ′(z) ≈ 25，于是梯度在反向传播时越来越大（方程 (122)）。关闭后恢复按种子生成的默认初始化。',
    clip: '裁剪梯度范数',
    clipAt: '梯度范数的裁剪阈值',
    clipHint:
      '每一步中所有权重和偏移量的梯度 ∇ 若长于 c，就缩放到长度 c：∇ ← ∇·c/‖∇‖（Pascanu 等，2013）。0 表示关闭。修改后运行会重新开始。',
    mode: '模式',
    eta: 'η（学习率）',
    lambda: 'λ（L2 正则化参数）',
    batchSize: 'mini-batch 大小',
    batchUnused: '此模式下不用：全部 1,000 张图像作为一个批次。',
    seed: '种子',
    momentum: '动量 μ',
    init: '初始化方法',
    activation: '激活函数',
    cures: '本章之后出现的解决办法',
    residual: '残差连接',
    residualHint:
      '在第一个隐藏层之后、宽度相同的隐藏层上 aˡ = aˡ⁻¹ + σ(zˡ)，梯度沿恒等路径传到前面的层（He 等，2016）。修改后运行会重新开始。',
    layerNorm: '层归一化',
    layerNormHint: '每个隐藏层的 z 逐个样本地在该层的神经元上标准化，再乘以一个学到的增益（Ba 等，2016）。修改后运行会重新开始。',
  },
  pace: {
    label: '节奏',
    lesson: '授课',
    brisk: '轻快',
    fast: '快速',
    full: '全速',
    asFast: (name) => `${name}：尽可能快`,
    epochsPerSecond: (name, rate) => `${name}：每秒 ${n.int(rate)} 次迭代`,
    imagesPerSecond: (name, rate) => `${name}：每秒 ${n.int(rate)} 张图像`,
    hintFull: '以这台计算机能训练的最快速度运行：快得无法一次次迭代地跟上。',
    hintSpeed: (seconds) => `一次迭代对应小条的一帧；前 50 次迭代大约需要 ${n.int(seconds)} 秒。`,
    hintSgd: (images, seconds) => `一次包含 ${n.int(images)} 张图像的 SGD 迭代大约需要 ${n.int(seconds)} 秒。`,
  },
  choices: {
    modeSpeed: '学习速度（图 5–7）',
    modeSgd: '在 MNIST 上做 SGD',
    initDefault: 'N(0,1)/√n（默认）',
    initDefaultShort: 'N(0,1)/√n',
    initLarge: '大权重 N(0,1)',
    initGlorot: 'Glorot“标准”初始化 U[±1/√n]',
    sigmoid: 'sigmoid',
  },
  figures: {
    group: '设置本章的一幅图',
    fig: (k) => `图 ${k}`,
    fig4: '初始化时的小条，[784, 30, 30, 10]，尚未训练',
    figSpeed: (hidden) => `${n.int(hidden)} 个各含 30 个神经元的隐藏层的学习速度`,
    exploding: '梯度爆炸示例',
    explodingDescription: '[784, 30, 30, 30, 30, 10]，打开梯度爆炸预设：前面的层学得最快',
  },
  difference: {
    seed: (seed) => `种子 ${seed}`,
    batch: (size) => `批次 ${size}`,
    exploding: '梯度爆炸预设',
    noPreset: '无预设',
    clip: (c) => `裁剪 ${c}`,
    noClip: '不裁剪',
    residual: '残差',
    noSkips: '无跳跃连接',
    layerNorm: '层归一化',
    noNorm: '无归一化',
    same: '设置相同',
  },
  status: {
    region: '运行状态',
    idle: '就绪',
    running: '训练中',
    paused: '已暂停',
    finished: '已完成',
    diverged: '已停止：发散',
    epochOf: (epoch, of) => `第 ${n.int(epoch)} 次迭代，共 ${n.int(of)} 次`,
    batchOf: (batch, of) => `第 ${n.int(batch)} 个 mini-batch，共 ${n.int(of)} 个`,
    speed: (perSecond) => `每秒 ${n.int(perSecond)} 个样本`,
    noSpeed: '每秒 — 个样本',
    waitingForData: '正在等待训练图像加载完毕；加载完后训练会自动开始。',
    probeReady: '探测图像已就绪；训练图像仍在加载。',
    stageProbe: '前 1,000 张训练图像（用于探测）',
    stageTrain: '训练图像',
    stageTest: '验证图像',
    loading: (stage, loaded, total) => `正在加载 MNIST：${stage}，${loaded} / ${total}`,
    loadingLabel: '正在加载 MNIST',
    divergedTitle: '训练发散了。',
    overflowNote: '显示为“溢出”的值超出了 32 位浮点数能表示的范围，已不再是数字。',
    explodingHelps: '关闭梯度爆炸预设也有帮助。',
    loadFailed: '无法加载 MNIST 图像：',
    failed: '出错了：',
    retry: '重试',
  },
  divergence: {
    reason: (c) => {
      const became = (k: NonFinite) => (k === 'nan' ? 'NaN（不是数）' : '无穷大');
      const v = c.value;
      const what =
        v.kind === 'cost'
          ? `代价变成了${became(v.became)}`
          : v.kind === 'layer-gradient'
            ? `隐藏层 ${n.int(v.layer)} 的梯度 ‖δ${superscript(v.layer)}‖ 变成了${became(v.became)}`
            : v.kind === 'bias-gradient'
              ? `梯度 ∂C/∂b 变成了${became(v.became)}`
              : v.kind === 'activations'
                ? '隐藏层的激活值变成了 NaN（不是数）'
                : `输入隐藏层 ${n.int(v.layer)} 的权重变成了${became(v.became)}`;
      const where =
        c.mode === 'learning-speed'
          ? `在 ${n.int(c.epoch)} 次全批量梯度下降的迭代之后`
          : c.batch === 0
            ? c.epoch === 0
              ? '在任何训练之前'
              : `在第 ${n.int(c.epoch)} 次迭代结束时`
            : `在第 ${n.int(c.epoch + 1)} 次迭代的第 ${n.int(c.batch)} 个 mini-batch 之后`;
      const preset = c.exploding ? '（打开了梯度爆炸预设）' : '';
      return `${where}，${what}：对这个网络${preset}来说，η = ${c.eta} 太大了。请调小 η 再重置。`;
    },
  },
  speed: {
    title: '每个隐藏层的学习速度',
    explain:
      '‖δˡ‖ 是第 l 层所有 ∂C/∂b 组成的向量的长度，本章用它衡量第 l 层学习得多快（图 5–7）。在书中的 [784, 30, 30, 30, 30, 10] 网络里，第一个隐藏层的学习速度比最后一个慢大约 100 倍：这就是梯度消失问题。',
    chartLabel: '每个隐藏层的学习速度 ‖δˡ‖ 随迭代次数的变化，对数刻度',
    xSpeed: '迭代次数，全批量 1,000 张图像',
    xSgd: 'mini-batch SGD 的迭代次数',
    yLabel: '‖δˡ‖（对数刻度）',
    hiddenLayer: (h) => `隐藏层 ${n.int(h)}`,
    bookLegend: '◇ 书中第 0 次迭代时的 ‖δˡ‖',
    bookMarks: '书中第 0 次迭代时的值',
    bookMark: (h, value) => `书中隐藏层 ${n.int(h)} 在第 0 次迭代时：‖δ${h}‖ = ${value}`,
    book: '书',
    exactHint: '精确值：把鼠标移到图上或轻触它，也可以让图获得焦点后按',
    table: '各层的学习速度',
    layer: '层',
    spectral: '谱范数，方程 (124)',
    mean: (derivative) => `${derivative}(zˡ) 的均值`,
    activeShare: '活跃神经元的比例',
    overflowNote: '“溢出”：梯度超出了最大的 32 位浮点数，无法测量它的范数。',
    zeroNote:
      '‖δˡ‖ = 0：没有梯度传到这一层，因为它或它之后的某一层在每张探测图像上的导数都是 0（从不激活的 ReLU），所以这一层停止了学习。对数刻度画不出 0，所以它的曲线到此为止；与 0 的比值显示为 ÷ 0 或 0 / 0。',
    notApplicable: '不适用',
    notApplicableNote:
      '不适用：方程 (124) 的因子在这里不负责把 δ 传回去。有跳跃路径时因子是 I + Σ′W；有层归一化时雅可比矩阵还包含归一化：这里不显示。',
    eq124: '方程 (124)：δˡ = Σ′(zˡ)(wˡ⁺¹)ᵀ Σ′(zˡ⁺¹)(wˡ⁺²)ᵀ … Σ′(zᴸ)∇ₐC。谱范数小于 1 的因子在反向传播时使梯度缩小；大于 1 则使它增大。',
    compareTable: '本次运行与固定的运行',
    run: '运行',
    layer1VsLast: '第 1 层与最后一层相比（最新一次探测）',
    bestAccuracy: '最高准确率',
    thisRun: '本次运行',
    pinnedRun: (id) => `固定的运行 ${n.int(id)}`,
    pin: (id) => `固定 ${n.int(id)}`,
    layerRow: (h) => `第 ${n.int(h)} 层`,
    epoch: (epoch) => `第 ${epoch} 次迭代`,
    oneLayer: '只有一个隐藏层',
    equal: '≈ 相同',
    slower: (ratio) => `慢 ${ratio} 倍`,
    faster: (ratio) => `快 ${ratio} 倍`,
  },
  accuracy: {
    title: '验证准确率',
    explain:
      '本章的实验：用 mini-batch SGD 训练 30 次迭代（η = 0.1，λ = 5.0，mini-batch 大小 10），含 1、2、3、4 个 30 神经元隐藏层的网络分别达到 96.48 %、96.90 %、96.57 % 和 96.53 %。更深并不更好，因为前面的层几乎学不到东西。',
    sgdOnly: '准确率在“在 MNIST 上做 SGD”模式下每次迭代后测量。',
    chartLabel: '每次迭代后的验证准确率',
    xLabel: '迭代次数',
    book: (hidden, percent) => `书中 ${n.int(hidden)} 个隐藏层：${percent}`,
    thisRun: '本次运行',
    thisRunAt: (percent, epoch) => `本次运行：第 ${n.int(epoch)} 次迭代后 ${percent}`,
    bookSameDepth: (percent) => `书中相同深度的结果：${percent}`,
  },
  compare: {
    title: '比较运行',
    explain:
      '固定本次运行，改变一项设置（种子、激活函数、初始化方法），再把新曲线和虚线表示的固定运行对照。固定的运行会保存在此浏览器中，重新加载后仍在。',
    pin: '固定本次运行',
    noData: '网络第一次探测之后可用。',
    full: (max) => `最多固定 ${n.int(max)} 个运行：删除一个才能再固定。`,
    alreadyPinned: '本次运行已按当前状态固定；继续训练或改变设置后才能再固定。',
    pinned: (id, difference) => `固定的运行 ${n.int(id)}：${difference}`,
    show: (id) => `显示固定的运行 ${n.int(id)}`,
    remove: (id) => `删除固定的运行 ${n.int(id)}`,
    removeAll: '删除全部固定的运行',
  },
  instruments: instrumentsZh,
  url: urlZh,
  loadErrors: loadErrorsZh,
  importErrors: importErrorsZh,
};

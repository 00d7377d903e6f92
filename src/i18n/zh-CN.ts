/**
 * 简体中文. Terms follow the Chinese translation of the chapter that readers hold (梯度消失问题, 梯度爆炸问题,
 * 不稳定梯度问题, 隐藏层, 学习速度, 偏移量 with the common 偏置 beside it the first time, 迭代 for an epoch),
 * so the page and the book use the same words. Typed as `Messages`: a key missing here does not compile.
 */
import type { Messages } from './en';
import { numberFormats } from './number';

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
  notices: {
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
    networkNotSigmoid: (what) =>
      `书中的 network2.py 只计算 sigmoid 层，因此这个网络（${what}）无法保存为它的格式。请选择 sigmoid 并关闭改进方法后再导出。`,
    networkUnavailable: '无法从训练线程读出网络。',
    figureFailed: (why) => `无法导出图：${why}。`,
    networkLoaded: (name, sizes) => `已加载“${name}”中的网络（${sizes}，CrossEntropyCost）。梯度条显示它的梯度；重置会回到这些权重。`,
    networkLoadedQuadratic: (name, sizes) =>
      `已加载“${name}”中的网络（${sizes}，QuadraticCost）。梯度条按实验室的交叉熵代价显示梯度，而不是文件中的二次代价；重置会回到这些权重。`,
    workspaceLoaded: (name, runs, notes) => `已加载工作区“${name}”：它的配置和 ${n.int(runs)} 个固定运行。${notes ? ` ${notes}` : ''}`,
    fileRefused: (name, why) => `未加载“${name}”：${why}`,
    fileNotJson: (name) => `未加载“${name}”：它不是 JSON 文件（无法解析）。`,
    fileUnknown: (name) => `未加载“${name}”：它既不是 network2.py 的网络（sizes、weights、biases、cost），也不是梯度实验室的工作区。`,
    fileTooBig: (name, megabytes, limit) =>
      `未加载“${name}”：文件有 ${Number(megabytes).toFixed(1)} MB，实验室最多读取 ${n.int(limit)} MB。`,
    onlyOneFile: '请一次只拖入一个文件。',
  },
};

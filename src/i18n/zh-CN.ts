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
  },
};

/**
 * Why a dropped file was not loaded, in Chinese. The file's own keys ("sizes", "weights" …) and the places in
 * its matrices (weights[1][3]) are quoted as they are written in the file, so the reader can find them there.
 */
import { placeText, type Found, type ImportProblem } from '../../export/problem';
import type { Messages } from '../en';
import { numberFormats } from '../number';

const n = numberFormats('zh-CN');

const quote = (text: string) => `“${text}”`;

function foundText(f: Found): string {
  switch (f.kind) {
    case 'null':
      return '“null”';
    case 'list':
      return '一个列表';
    case 'object':
      return '一个对象';
    case 'text':
      return `文本 ${quote(f.text)}`;
    case 'value':
      return quote(f.text);
    case 'count':
      return ` ${n.int(f.count)} 个`;
  }
}

function problem(p: ImportProblem): string {
  switch (p.code) {
    case 'network-not-object':
      return `网络文件应当是一个含有 “sizes”、“weights”、“biases” 和 “cost” 的 JSON 对象，这里却是${foundText(p.found)}。`;
    case 'missing-key':
      return `缺少键 ${quote(p.key)}（network2.py 保存的是 “sizes”、“weights”、“biases” 和 “cost”）。`;
    case 'sizes-not-list':
      return `“sizes” 应当是各层宽度的列表，例如 [784, 30, 10]，这里却是${foundText(p.found)}。`;
    case 'size-not-whole':
      return `${quote(`sizes[${p.index}]`)} 应当是神经元的个数（正整数），这里却是${foundText(p.found)}。`;
    case 'input-size':
      return `输入层有 ${n.int(p.found)} 个神经元；MNIST 图像有 ${n.int(p.expected)} 个像素（28×28）。`;
    case 'no-hidden':
      return '这个网络没有隐藏层，而实验室显示的正是隐藏层的梯度。';
    case 'output-size':
      return `输出层有 ${n.int(p.found)} 个神经元；MNIST 有 ${n.int(p.expected)} 个数字。`;
    case 'too-many-hidden':
      return `网络太大，实验室无法处理：最多允许 ${n.int(p.max)} 个隐藏层，这里有 ${n.int(p.count)} 个。`;
    case 'too-wide':
      return `网络太大，实验室无法处理：第 ${n.int(p.layer)} 层有 ${n.int(p.width)} 个神经元，宽度必须在 1 到 ${n.int(p.max)} 之间。`;
    case 'bad-cost':
      return `“cost” 必须是 ${p.allowed.map(quote).join(' 或 ')}，这里却是${foundText(p.found)}。`;
    case 'matrix-count':
      return `对于 “sizes” [${p.sizes.join(', ')}]，${quote(p.key)} 应当有 ${n.int(p.expected)} 个矩阵，这里却是${foundText(p.found)}。`;
    case 'row-count':
      return `${quote(placeText(p.place))} 应当有 ${n.int(p.rows)} 行（它所连向的层每个神经元一行），这里却是${foundText(p.found)}。`;
    case 'row-length':
      return `${quote(placeText(p.place))} 应当是 ${n.int(p.cols)} 个数的列表，这里却是${foundText(p.found)}。`;
    case 'not-number':
      return `${quote(placeText(p.place))} 不是数：${foundText(p.found)}。`;
    case 'too-large':
      return `${quote(`${placeText(p.place)} = ${p.value}`)} 太大，超出了实验室使用的 32 位浮点数的范围。`;
    case 'not-workspace':
      return '它不是梯度实验室的工作区文件。';
    case 'workspace-version':
      return `它是格式版本 ${quote(p.found)} 的工作区；本实验室读取的是版本 ${n.int(p.expected)}。`;
    case 'workspace-configuration':
      return '它的 “configuration” 缺失，或者不是 “?layers=784,30,30,10&…” 这样的查询字符串。';
    case 'workspace-pinned':
      return '它的固定运行 “pinned” 缺失，或者不是列表。';
    default: {
      const unreachable: never = p;
      return unreachable;
    }
  }
}

export const importErrorsZh: Messages['importErrors'] = {
  problem,
  skippedRuns: (count) => `文件中有 ${n.int(count)} 个固定运行无法读取，已略去。`,
};

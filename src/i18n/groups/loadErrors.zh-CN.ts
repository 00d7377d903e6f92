/**
 * The worker's errors in Chinese. File names, URLs and the browser's own words are quoted as they are; every
 * number goes through Intl, and each sentence has its own Chinese word order.
 */
import type { Announced, DataProblem, HttpStatus, IdxKind } from '../../data/problem';
import type { NetworkReadFailure } from '../../store/networkRequests';
import type { NetworkCommand } from '../../worker/commands';
import type { ErrorCause } from '../../worker/protocol';
import type { Messages } from '../en';
import { numberFormats } from '../number';

const n = numberFormats('zh-CN');

const KIND: Record<IdxKind, string> = { image: '图像', label: '标签' };

/** What each command would have done, for "还不能……". */
const VERBS: Record<NetworkCommand, string> = {
  start: '开始训练',
  step: '单步训练',
  pause: '暂停',
  reset: '重置',
  'set-preset': '切换预设',
  'set-speed': '改变速度',
  'set-pause-at': '安排暂停',
  'measure-seeds': '测量其他种子',
  'read-network': '读出网络',
  'load-network': '载入网络',
};

const quote = (text: string) => `“${text}”`;
const http = (s: HttpStatus) => `HTTP ${s.code}${s.text ? ` ${quote(s.text)}` : ''}`;
const bytes = (count: number) => `${n.int(count)} 字节`;
const hex32 = (v: number) => `0x${v.toString(16).padStart(8, '0')}`;

function announced(a: Announced): string {
  return a.kind === 'images' ? `${n.int(a.count)} 张 ${a.rows}×${a.cols} 的图像` : `${n.int(a.count)} 个标签`;
}

function problem(p: DataProblem): string {
  switch (p.code) {
    case 'stalled':
      return `下载停滞了：${p.receivedBytes === 0 ? '第一个字节还没到' : `收到 ${n.fixed(p.receivedBytes / 1e6, 1)} MB 之后`}，已有 ${n.int(p.seconds)} 秒没有收到数据`;
    case 'fetch-failed':
      return `无法获取（浏览器的说明：${quote(p.reason)}）`;
    case 'http-error':
      return `服务器返回了 ${http(p.status)}，而不是这个文件`;
    case 'no-body':
      return `服务器的 ${http(p.status)} 响应没有内容`;
    case 'broke-off':
      return p.decompressing
        ? `收到 ${bytes(p.receivedBytes)}后，下载或解压中断了（${http(p.status)}）：${quote(p.reason)}`
        : `收到 ${p.announcedBytes === null ? bytes(p.receivedBytes) : `${n.int(p.receivedBytes)} / ${bytes(p.announcedBytes)}`}后，下载中断了（${http(p.status)}）：${quote(p.reason)}`;
    case 'download-truncated':
      return `下载不完整：服务器声明有 ${bytes(p.announcedBytes)}，只收到了 ${bytes(p.receivedBytes)}（${http(p.status)}）`;
    case 'empty':
      return `是空文件（0 字节），应当是 IDX ${KIND[p.kind]}文件`;
    case 'gzip':
      return '是 gzip 压缩文件（以 1f 8b 开头），请先解压';
    case 'html':
      return '看起来是一个 HTML 网页，而不是 IDX 文件——是不是把服务器的错误页面存成了它？';
    case 'bad-magic':
      return `魔数是 ${hex32(p.found)}${p.foundKind === null ? '' : `（这是${KIND[p.foundKind]}文件）`}，IDX ${KIND[p.kind]}文件的魔数应为 ${hex32(p.expected)}`;
    case 'short-header':
      return `不完整：${KIND[p.kind]}文件以 ${bytes(p.headerBytes)}的文件头开始，它却只有 ${bytes(p.actualBytes)}`;
    case 'image-size':
      return `图像是 ${p.rows}×${p.cols}，MNIST 的图像应为 ${p.expectedRows}×${p.expectedCols}`;
    case 'too-short':
      return `不完整：文件头声明了 ${announced(p.announced)}（${bytes(p.expectedBytes)}），文件却只有 ${bytes(p.actualBytes)}`;
    case 'too-long':
      return `在文件头声明的 ${announced(p.announced)} 之后还多出 ${bytes(p.actualBytes - p.expectedBytes)}（应为 ${bytes(p.expectedBytes)}，实际 ${bytes(p.actualBytes)}）`;
    case 'bad-label':
      return `索引 ${n.int(p.index)} 处的标签 ${p.label} 不是 0-9 的数字`;
    case 'count-mismatch':
      return `有 ${n.int(p.labelCount)} 个标签，而 ${quote(p.imageFile)} 有 ${n.int(p.imageCount)} 张图像；两者必须一一对应`;
    case 'pixel-bytes':
      return `${n.int(p.pixelBytes)} 个像素字节凑不成 ${n.int(p.images)} 张各 ${n.int(p.imageBytes)} 字节的图像`;
    case 'too-few-images':
      return `只有 ${n.int(p.count)} 张图像，但划分需要多于 ${n.int(p.heldBack)} 张（最后 ${n.int(p.heldBack)} 张留作验证集）`;
    case 'not-found':
      return `在 ${quote(p.dir)} 中找不到`;
    case 'is-folder':
      return `在 ${quote(p.dir)} 中是一个文件夹，不是文件`;
    case 'no-permission':
      return `在 ${quote(p.dir)} 中无法读取（没有权限）`;
    case 'unreadable':
      return `在 ${quote(p.dir)} 中无法读取（${quote(p.reason)}）`;
    default: {
      const unreachable: never = p;
      return unreachable;
    }
  }
}

function cause(c: ErrorCause): string {
  switch (c.kind) {
    case 'data-file':
      return `${quote(c.file)}：${problem(c.problem)}`;
    case 'load-failed':
      return `无法加载 MNIST 文件：${quote(c.reason)}`;
    case 'not-configured':
      return `还不能${VERBS[c.command]}：尚未配置网络`;
    case 'probe-not-ready':
      return `还不能测量其他种子：前 ${n.int(1000)} 张训练图像还没有到达`;
    case 'network-unreadable':
      return `无法复制网络：${quote(c.reason)}`;
    case 'training-stopped':
      return `训练停止了：${quote(c.reason)}`;
    case 'config-refused':
      return `训练线程拒绝了这个配置：${quote(c.reason)}`;
    case 'command-refused':
      return `训练线程拒绝了一个命令：${quote(c.reason)}`;
    case 'unexpected':
      return `训练线程遇到了意外的错误：${quote(c.reason)}`;
    case 'unreadable-message':
      return c.from === 'page' ? '训练线程无法读取页面发来的命令' : '无法读取训练线程发来的消息';
    default: {
      const unreachable: never = c;
      return unreachable;
    }
  }
}

export const loadErrorsZh: Messages['loadErrors'] = {
  cause,
  networkRead: (f: NetworkReadFailure) =>
    f.kind === 'refused'
      ? `无法从训练线程读出网络：${cause(f.cause)}。`
      : f.kind === 'worker-gone'
        ? '无法读出网络：训练线程在应答之前停止了。等训练线程重新运行后再导出一次。'
        : `无法读出网络：训练线程在 ${n.int(f.seconds)} 秒内没有应答。`,
};

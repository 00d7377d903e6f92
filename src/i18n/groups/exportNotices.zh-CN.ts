/** The export and import notices that depend on data, in Chinese (see exportNotices.en.ts). */
import type { exportNoticesEn } from './exportNotices.en';
import { importErrorsZh } from './importErrors.zh-CN';

export const exportNoticesZh: typeof exportNoticesEn = {
  networkNotSigmoid: (activation, output, residual, normalisation) =>
    `书中的 network2.py 只计算 sigmoid 层，因此这个网络（${[
      activation,
      output === null ? null : `${output} 输出层`,
      residual ? '残差连接' : null,
      normalisation ? '层归一化' : null,
    ]
      .filter((part) => part !== null)
      .join('、')}）无法保存为它的格式。请选择 sigmoid 并关闭改进方法后再导出。`,
  figureFailed: (why) =>
    `无法导出图：${
      why === 'not-on-page'
        ? '它的面板不在页面上'
        : why === 'no-canvas'
          ? '这个浏览器不能在画布上绘图'
          : why === 'image-decoding'
            ? '浏览器无法把图绘制成图像'
            : '画布无法编码为 PNG'
    }。`,
  figureFailedOther: (detail) => `无法导出图：“${detail}”。`,
  networkNotFinite: '网络中有权重或偏移量已经不再是数（这次运行发散了），所以无法保存为 network2.py 的格式。请先重置。',
  fileRefused: (name, why) => `未加载“${name}”：${importErrorsZh.problem(why)}`,
};

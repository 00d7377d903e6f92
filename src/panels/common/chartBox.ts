/** The drawing area of a chart in SVG user units: overall size and the margins kept for the axes. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

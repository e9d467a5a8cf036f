// Cost-based paper copy charges (printing, toner, postage) per the ROI fee schedule.
export const PAPER_COPY_FEES = {
  paperCopyPerPage: 0.1,
  cdRomMedia: 5.0,
  postageFlat: 3.5,
};

export function paperOrderTotal(pages: number, withCd: boolean) {
  return pages * PAPER_COPY_FEES.paperCopyPerPage + (withCd ? PAPER_COPY_FEES.cdRomMedia : 0) + PAPER_COPY_FEES.postageFlat;
}

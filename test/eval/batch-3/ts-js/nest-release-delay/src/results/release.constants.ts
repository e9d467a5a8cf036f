// Agreed with lab medicine committee, see LABMED-412
export const LAB_RESULT_PORTAL_DELAY_HOURS = 72;

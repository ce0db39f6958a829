/** The label style every composer field shares. */
export const fieldLabel = "mb-1 block text-sm font-medium";

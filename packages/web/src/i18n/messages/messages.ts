/** A translation of a Chinese message group: every key, any text. */
export type Messages<T> = { readonly [K in keyof T]: string };

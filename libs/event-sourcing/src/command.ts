/** A request to change one aggregate: an imperative `type` and its `data`. */
export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

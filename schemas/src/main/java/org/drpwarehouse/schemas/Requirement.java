package org.drpwarehouse.schemas;

/** Whether a source column must hold a value. */
public enum Requirement {
  /** Every record must have a value. */
  REQUIRED,
  /** Required in some records only; {@link Column#requiredWhen()} says which. */
  CONDITIONAL,
  /** May be empty. */
  OPTIONAL
}

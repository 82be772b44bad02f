/// One sales order (one or more invoice lines) or one credit note, before ids are assigned.
///
/// Kept to 16 bytes so that ten million rows fit comfortably in memory; the line amounts live
/// in ``EventLog/amounts`` starting at `amountStart`.
struct OrderEvent {
    /// Index of this event's first amount in ``EventLog/amounts``.
    var amountStart: Int

    /// The customer: its generation index until ``EventLog/renumberCustomersByFirstOrder(dayCount:)``
    /// replaces it with the customer's 0-based rank by first order date.
    var customer: UInt32

    /// Day number within the generated period (see ``CalendarTable``).
    var day: UInt16

    /// Number of invoice lines (1...4) for an order; 0 marks a credit note, which has one row.
    var lineCount: UInt8

    /// The customer's attribute combination (see ``AttributeSuffixTable``), copied here so that
    /// writing a row needs no lookup in a large customer table.
    var attributes: UInt8

    /// Whether this event is a credit note rather than a sales order.
    var isRefund: Bool { lineCount == 0 }

    /// Number of CSV rows this event produces.
    var rowCount: Int { isRefund ? 1 : Int(lineCount) }
}

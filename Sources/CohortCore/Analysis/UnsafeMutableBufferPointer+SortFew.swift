extension UnsafeMutableBufferPointer {
    /// Sorts the elements by `key`, ascending: by insertion when there are at most `limit` (a
    /// customer's handful of rows or periods, where the standard sort's closure call per
    /// comparison costs more than the moves), else by the standard sort. Elements of equal keys
    /// keep their order only in the first case.
    ///
    ///     entries.withUnsafeMutableBufferPointer { $0.sortFew(by: { $0.period }) }
    @inlinable
    public func sortFew<Key: Comparable>(by key: (Element) -> Key, limit: Int = 32) {
        guard count > limit else {
            for index in indices.dropFirst() {
                let element = self[index]
                let elementKey = key(element)
                var place = index
                while place > 0 && key(self[place - 1]) > elementKey {
                    self[place] = self[place - 1]
                    place -= 1
                }
                self[place] = element
            }
            return
        }
        var all = self
        all.sort { key($0) < key($1) }
    }
}

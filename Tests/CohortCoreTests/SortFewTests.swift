@testable import CohortCore
import Testing

/// `sortFew(by:)` sorts like the standard sort, by insertion up to its limit (keeping equal keys
/// in their order there) and by the standard sort above it.
@Suite struct SortFewTests {
    @Test(arguments: [0, 1, 2, 5, 31, 32, 33, 200])
    func sortsLikeTheStandardSort(count: Int) {
        // keys 0 ..< 7 repeat; the second value numbers the elements as given
        var elements = (0 ..< count).map { (key: ($0 * 5 + 3) % 7, given: $0) }
        let expected = elements.sorted { $0.key < $1.key }.map(\.key)
        elements.withUnsafeMutableBufferPointer { $0.sortFew(by: { $0.key }) }
        #expect(elements.map(\.key) == expected)
        if count <= 32 {
            // equal keys keep the order they were given in
            for index in elements.indices.dropFirst() where elements[index].key == elements[index - 1].key {
                #expect(elements[index - 1].given < elements[index].given)
            }
        }
    }
}

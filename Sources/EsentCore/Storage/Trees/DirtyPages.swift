/// Unwritten pages → the log generation of their oldest unwritten image, with a count of pages per generation so
/// that the oldest one (the checkpoint's floor, asked after every commit) costs a look at the few generations
/// present instead of a pass over every dirty page.
struct DirtyPages {
    private(set) var pages: [PageKey: Int32] = [:]
    private var perGeneration: [Int32: Int] = [:]

    var count: Int { pages.count }
    var keys: Dictionary<PageKey, Int32>.Keys { pages.keys }

    subscript(key: PageKey) -> Int32? {
        get { pages[key] }
        set {
            if let old = pages[key] { release(old) }
            pages[key] = newValue
            if let newValue { perGeneration[newValue, default: 0] += 1 }
        }
    }

    /// The oldest generation holding an unwritten image; nil when every page is written.
    var oldestGeneration: Int32? { perGeneration.keys.min() }

    mutating func removeAll(where shouldRemove: (PageKey) -> Bool) {
        // The keys first: removing while iterating `pages.keys` would make the dictionary copy itself.
        let doomed = pages.keys.filter(shouldRemove)
        for key in doomed { self[key] = nil }
    }

    private mutating func release(_ generation: Int32) {
        guard let n = perGeneration[generation] else { return }
        perGeneration[generation] = n > 1 ? n - 1 : nil
    }
}

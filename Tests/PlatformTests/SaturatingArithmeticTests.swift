import Platform
import Testing

@Suite struct SaturatingArithmeticTests {
    @Test func clampedOperations_atTheBounds_clampInsteadOfTrapping() {
        #expect(Int64.max.addingClamped(1) == .max)
        #expect(Int64.min.addingClamped(-1) == .min)
        #expect(Int64(0).subtractingClamped(.min) == .max)
        #expect(Int64(-2).subtractingClamped(.max) == .min)
        #expect(Int64.max.multipliedClamped(by: 86_400) == .max)
        #expect(Int64.min.multipliedClamped(by: 86_400) == .min)
        #expect(Int64(-3).multipliedClamped(by: .min) == .max)
    }

    @Test func clampedOperations_inRange_areExact() {
        #expect(Int(5).addingClamped(-7) == -2)
        #expect(Int(5).subtractingClamped(7) == -2)
        #expect(Int(-5).multipliedClamped(by: 7) == -35)
    }
}

package publish

// Classify sorts an error from a bucket into a Kind, for other faces that
// talk to object storage (scanstore) and want the same clear messages.
func Classify(err error) Kind { return classify(err) }

// Transient reports whether an operation that failed with this kind is
// worth trying again (network errors, 5xx, throttling).
func (k Kind) Transient() bool { return k.transient() }

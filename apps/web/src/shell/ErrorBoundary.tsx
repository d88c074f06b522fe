import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What to show instead of the crashed screen; gets the error and a way to try again. */
  fallback: (error: unknown, retry: () => void) => ReactNode;
  /** Changing this (the route) clears the error, so navigating away recovers. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Keeps a crash in one screen from blanking the whole app: the navigation stays, the clerk sees
 * what went wrong and can go elsewhere. Drafts are already on disk, so nothing typed is lost.
 */
export class ErrorBoundary extends Component<Props, { error: unknown; key: string }> {
  override state = { error: undefined as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // React already reports the error; the fallback shows it to the clerk.
  }

  override render() {
    if (this.state.error !== undefined)
      return this.props.fallback(this.state.error, () => this.setState({ error: undefined }));
    return this.props.children;
  }
}

/**
 * Whether the counter window may close. In kiosk mode a close (Alt+F4, the window manager, a taskbar menu) is held
 * and the renderer asks for the mediator's or the référent's PIN (channel app.confirmClose); the PIN check opens
 * the way for one close. Outside kiosk mode closing goes on as usual (the wipe before quit still runs).
 */
export class CloseGuard {
  private allowed = false;

  constructor(private readonly isKiosk: () => boolean) {}

  /** Called on the window's 'close' event: true when the close must be held and the PIN asked. */
  holdClose(): boolean {
    return this.isKiosk() && !this.allowed;
  }

  /** After a right PIN: the next close goes through. */
  allowOnce(): void {
    this.allowed = true;
  }
}

import PeiliUI

/// Where the dashboard's parts go for a terminal size: the tree above the mirror below
/// `sideBySideWidth` columns, side by side from there.
public struct DashboardLayout: Hashable, Sendable {
  public static let minimumWidth = 80
  public static let minimumHeight = 24
  public static let sideBySideWidth = 140

  /// False below the minimum size (the screen then only asks to be enlarged).
  public let fits: Bool
  public let isSideBySide: Bool
  public let header: Rect
  /// The read-only banner row, when read-only.
  public let banner: Rect?
  public let treeTitle: Rect
  public let treeRows: Rect
  /// The whole mirror pane, its title row included.
  public let mirror: Rect
  /// The column between the panes when side by side.
  public let divider: Rect?
  public let status: Rect
  public let footer: Rect

  /// `treeWants`: the columns the tree's rows need (its longest title and the trailing
  /// columns); side by side the tree takes that much, up to what leaves the mirror its room.
  public init(width: Int, height: Int, readOnly: Bool, treeWants: Int = 0) {
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    fits = width >= Self.minimumWidth && height >= Self.minimumHeight
    var (header, rest) = screen.splitTop(1)
    if !fits { header = Rect(x: 0, y: 0, width: 0, height: 0) }
    var banner: Rect? = nil
    if readOnly {
      let split = rest.splitTop(1)
      banner = split.top
      rest = split.rest
    }
    let (body, bottom) = rest.splitBottom(2)
    let (status, footer) = bottom.splitTop(1)
    self.header = header
    self.banner = banner
    self.status = status
    self.footer = footer
    isSideBySide = width >= Self.sideBySideWidth
    let treePane: Rect
    if isSideBySide {
      // The mirror keeps at least 45% (its table and readings); the tree takes what its
      // titles need of the rest, never less than the 45% it always had.
      let share = max(76, width * 45 / 100)
      let (left, right) = body.splitLeft(min(max(share, treeWants), width * 55 / 100))
      let (div, mirror) = right.splitLeft(1)
      treePane = left
      divider = div
      self.mirror = mirror
    } else {
      let (top, bottomPane) = body.splitTop(body.height / 2)
      treePane = top
      divider = nil
      mirror = bottomPane
    }
    let (title, rows) = treePane.splitTop(1)
    treeTitle = title
    treeRows = rows
  }
}

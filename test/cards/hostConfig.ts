// A host config resembling Teams' light theme (Segoe UI, Teams' purple accent, its status colours,
// actions in a row, a show-card opening inline), for rendering the cards the way a manager sees them.
const fg = (main: string, subtle: string) => ({ default: main, subtle });

const foregroundColors = {
  default: fg('#242424', '#616161'),
  dark: fg('#242424', '#616161'),
  light: fg('#ffffff', '#f5f5f5'),
  accent: fg('#5b5fc7', '#7579eb'),
  good: fg('#0e700e', '#107c10'),
  warning: fg('#835c00', '#8a6100'),
  attention: fg('#c4314b', '#d13438'),
};

export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'DejaVu Sans', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e0e0e0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: { backgroundColor: '#ffffff', foregroundColors },
    emphasis: { backgroundColor: '#f5f5f5', foregroundColors },
    good: { backgroundColor: '#f1faf1', foregroundColors },
    attention: { backgroundColor: '#fdf3f4', foregroundColors },
    warning: { backgroundColor: '#fbf6d9', foregroundColors },
    accent: { backgroundColor: '#e8ebfa', foregroundColors },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  inputs: {
    label: {
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { color: 'attention', size: 'small' },
  },
};

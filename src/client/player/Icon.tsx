import { PLAYER_ICON_PATHS, type PlayerIconName } from '../../shared/icon-paths';
import { SvgIcon } from '../ui/SvgIcon';

export type IconName = PlayerIconName;

export function Icon({ name }: { name: IconName }) {
  return <SvgIcon path={PLAYER_ICON_PATHS[name]} size={20} />;
}
